"""What the forms of every app share: big radio buttons, and an ApplicationError put on its form."""

from django import forms

from .exceptions import ApplicationError


class BigRadioSelect(forms.RadioSelect):
    """Radio buttons rendered as big tap targets (.choice-buttons)."""

    template_name = "core/widgets/big_radios.html"
    option_template_name = "core/widgets/big_radio_option.html"


def add_application_error(form: forms.BaseForm, error: ApplicationError) -> None:
    """Show the message beside its field, or above the form when the field is not on it."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)

"""Put an ApplicationError on the form it belongs to."""

from django import forms

from .exceptions import ApplicationError


def add_application_error(form: forms.BaseForm, error: ApplicationError) -> None:
    """Show the message beside its field, or above the form when the field is not on it."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)

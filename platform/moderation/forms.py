from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BigRadioSelect

from .models import Action, Reason


def _reason_field(label) -> forms.CharField:
    """A moderator's optional reason, which the person it concerns reads."""
    return forms.CharField(
        label=label,
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _("Schrijf hooguit 500 tekens.")},
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Wat is er mis?"),
        choices=Reason.choices,
        widget=BigRadioSelect,
        error_messages={
            "required": _("Kies een reden."),
            "invalid_choice": _("Kies een reden uit de lijst."),
        },
    )
    note = forms.CharField(
        label=_("Toelichting (mag leeg)"),
        max_length=300,
        required=False,
        error_messages={"max_length": _("Schrijf hooguit 300 tekens.")},
    )


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[(a, label) for a, label in Action.choices if a not in (Action.SUSPEND, Action.LIFT)],
        error_messages={
            "required": _("Kies een besluit."),
            "invalid_choice": _("Dit besluit kennen we niet."),
        },
    )
    reason = _reason_field(_("Reden of bericht aan de schrijver"))


class SuspendForm(forms.Form):
    reason = _reason_field(_("Reden (de persoon leest deze)"))

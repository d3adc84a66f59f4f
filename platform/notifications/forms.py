from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import Email


class PreferencesForm(forms.Form):
    """Per kind: how by e-mail, and whether to push. Built from the kinds this user can get."""

    def __init__(self, *args, rows: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            kind, choice = row["kind"], row["choice"]
            self.fields[f"email_{kind}"] = forms.ChoiceField(
                label=_("E-mail"), choices=Email.choices, initial=choice.email
            )
            self.fields[f"push_{kind}"] = forms.BooleanField(
                label=_("Pushbericht op mijn apparaten"), required=False, initial=choice.push
            )

    def kinds(self):
        """The fields grouped per kind, for the template."""
        return [
            {
                "label": row["label"],
                "email": self[f"email_{row['kind']}"],
                "push": self[f"push_{row['kind']}"],
            }
            for row in self.rows
        ]

    def choices(self) -> dict[str, tuple[str, bool]]:
        return {
            row["kind"]: (self.cleaned_data[f"email_{row['kind']}"], self.cleaned_data[f"push_{row['kind']}"])
            for row in self.rows
        }


class DeviceForm(forms.Form):
    """A browser's PushSubscription.toJSON(), posted by push.js."""

    endpoint = forms.CharField(max_length=1000)
    p256dh = forms.CharField(max_length=120)
    auth = forms.CharField(max_length=60)
    label = forms.CharField(max_length=120, required=False)

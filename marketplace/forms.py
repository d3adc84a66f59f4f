from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BigRadioSelect

from .models import Area, Category, FollowUp, Kind, Listing, When


class ListingForm(forms.ModelForm):
    kind = forms.ChoiceField(
        label=_("Wat wilt u?"),
        choices=[(Kind.ASK, _("Ik vraag hulp")), (Kind.OFFER, _("Ik bied hulp"))],
        widget=BigRadioSelect,
        error_messages={"required": _("Kies of u hulp vraagt of hulp biedt.")},
    )
    category = forms.ChoiceField(
        label=_("Waarmee?"),
        choices=Category.choices,
        widget=BigRadioSelect,
        error_messages={"required": _("Kies waarmee: boodschappen, klussen, vervoer of iets anders.")},
    )
    on_behalf = forms.BooleanField(label=_("Ik plaats dit voor een bewoner"), required=False)
    on_behalf_name = forms.CharField(
        label=_("Voornaam van de bewoner (alleen voor uzelf, dit ziet niemand)"),
        max_length=60,
        required=False,
    )
    consent = forms.BooleanField(label=_("De bewoner vindt het goed dat ik dit plaats"), required=False)

    class Meta:
        model = Listing
        fields = ["kind", "category", "title", "text", "when", "area"]
        labels = {"title": _("Zeg het kort"), "text": _("Meer vertellen (mag leeg)")}
        error_messages = {"title": {"required": _("Zeg in een paar woorden waar het om gaat.")}}
        widgets = {
            "title": forms.TextInput(
                attrs={
                    "placeholder": _("Bijvoorbeeld: boodschappen doen"),
                    "autocomplete": "off",
                }
            ),
            "text": forms.Textarea(
                attrs={
                    "rows": 3,
                    "placeholder": _(
                        "Bijvoorbeeld: Ik kan slecht lopen. Eén keer per week naar de supermarkt."
                    ),
                }
            ),
            "when": BigRadioSelect,
            "area": forms.Select,
        }

    def __init__(self, *args, allow_on_behalf: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["when"].choices = When.choices
        self.fields["area"].choices = Area.choices
        for name, default in (("when", When.ANY), ("area", Area.WHOLE)):
            self.fields[name].required = False
            self.fields[name].initial = default
        if not allow_on_behalf:
            for name in ("on_behalf", "on_behalf_name", "consent"):
                del self.fields[name]

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if len(title) < 3:
            raise forms.ValidationError(_("Schrijf in een paar woorden wat u zoekt of biedt."))
        return title

    def clean_when(self):
        return self.cleaned_data.get("when") or When.ANY

    def clean_area(self):
        return self.cleaned_data.get("area") or Area.WHOLE

    def clean(self):
        data = super().clean()
        if data.get("on_behalf"):
            if not data.get("on_behalf_name", "").strip():
                self.add_error("on_behalf_name", _("Vul de voornaam van de bewoner in."))
            if not data.get("consent"):
                self.add_error("consent", _("Vraag eerst toestemming aan de bewoner."))
        return data


class RespondForm(forms.Form):
    text = forms.CharField(label=_("Uw bericht"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    # The example fits what one answers: help for a vraag, a wish for an aanbod.
    EXAMPLES = {
        Kind.ASK: _("Bijvoorbeeld: Ik kan u zaterdag helpen."),
        Kind.OFFER: _("Bijvoorbeeld: Graag! Past zaterdag ook?"),
    }

    def __init__(self, *args, listing=None, **kwargs):
        super().__init__(*args, **kwargs)
        if listing is not None:
            self.fields["text"].widget.attrs["placeholder"] = self.EXAMPLES.get(listing.kind, "")


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Nieuw bericht"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


def _minutes_spent(widget) -> forms.TypedChoiceField:
    """How long the help took (for the hours on /impact/), asked on "Het is klaar" and "Is het gelukt?"."""
    return forms.TypedChoiceField(
        label=_("Hoe lang duurde het? (mag leeg)"),
        choices=[
            ("", _("Weet ik niet")),
            (30, _("Een half uur")),
            (60, _("Een uur")),
            (120, _("Twee uur")),
            (180, _("Drie uur")),
            (240, _("Een halve dag")),
            (480, _("Een hele dag")),
        ],
        coerce=int,
        empty_value=None,
        required=False,
        widget=widget,
    )


class DoneForm(forms.Form):
    thanks = forms.CharField(
        label=_("Wilt u iets zeggen? (mag leeg)"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Bijvoorbeeld: Heel erg bedankt!")}),
    )
    minutes_spent = _minutes_spent(forms.Select)


class FollowUpForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Is het gelukt?"), choices=FollowUp.Answer.choices, widget=BigRadioSelect
    )
    minutes_spent = _minutes_spent(BigRadioSelect)


class PreferenceForm(forms.Form):
    notify = forms.BooleanField(label=_("Stuur mij nieuwe vragen die bij mij passen"), required=False)
    categories = forms.MultipleChoiceField(
        label=_("Waar helpt u graag mee? (niets gekozen = alles)"),
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    area = forms.ChoiceField(label=_("In welke buurt?"), choices=Area.choices)
    digest = forms.BooleanField(label=_("Ook één keer per dag een e-mail"), required=False)

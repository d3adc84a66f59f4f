from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.images import DecodedImageField


class StorySubmissionForm(forms.Form):
    title = forms.CharField(label=_("Titel van uw verhaal"), max_length=120)
    text = forms.CharField(
        label=_("Uw verhaal"),
        max_length=10_000,
        min_length=40,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Schrijf zoals u praat. Een lege regel begint een nieuwe alinea."),
    )
    photo = forms.Field(required=False)  # replaced in __init__, so it follows the current upload settings
    photo_alt = forms.CharField(
        label=_("Wat staat er op de foto?"),
        max_length=250,
        required=False,
        help_text=_("Eén zin, voor mensen die de foto niet kunnen zien."),
    )
    photo_consent = forms.BooleanField(
        label=_("Iedereen die op de foto staat, vindt het goed dat de foto wordt gepubliceerd."),
        required=False,
    )
    publication_consent = forms.BooleanField(
        label=_("Ik vind het goed dat de redactie mijn verhaal plaatst op de website en in de Rucreant."),
        error_messages={"required": _("Zonder uw toestemming kunnen we uw verhaal niet plaatsen.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        photo = DecodedImageField(label=_("Foto (mag, hoeft niet)"), required=False)
        photo.help_text = _("Een foto van jpg, png of webp, niet groter dan %(size)s.") % {
            "size": filesizeformat(photo.max_upload_size)
        }
        self.fields["photo"] = photo
        # keep the order of the form: the photo after the text
        self.order_fields(["title", "text", "photo", "photo_alt", "photo_consent", "publication_consent"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo"):
            if not cleaned.get("photo_consent"):
                self.add_error(
                    "photo_consent",
                    _(
                        "We plaatsen een foto alleen als iedereen op de foto dat goed vindt. "
                        "Vink dit aan, of stuur uw verhaal zonder foto."
                    ),
                )
            if not cleaned.get("photo_alt", "").strip():
                self.add_error("photo_alt", _("Vertel in één zin wat er op de foto staat."))
        return cleaned

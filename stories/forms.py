from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.exceptions import ApplicationError
from core.images import DecodedImageField

from . import services

# The box under a kept photo: send the story without it.
FORGET = "foto_weghalen"


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
    # The signed reference to a photo kept from an earlier try (services.keep_photo).
    kept_photo = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.kept: services.KeptPhoto | None = None  # shown above the file input, sent along again
        photo = DecodedImageField(label=_("Foto (mag, hoeft niet)"), required=False)
        photo.help_text = _("Een foto van jpg, png of webp, niet groter dan %(size)s.") % {
            "size": filesizeformat(photo.max_upload_size)
        }
        self.fields["photo"] = photo
        # keep the order of the form: the photo after the text
        self.order_fields(["title", "text", "photo", "photo_alt", "photo_consent", "publication_consent"])

    def keep(self, kept: "services.KeptPhoto") -> None:
        """Show the kept photo and carry its reference to the next try."""
        self.kept = kept
        auto_id = self["photo"].auto_id
        self.fields["photo"].widget.attrs["aria-describedby"] = f"{auto_id}_helptext {auto_id}_kept"

    def photo_to_keep(self):
        """After errors: the photo worth keeping (a newly accepted upload or the kept one), else None."""
        if not self.is_bound or self.has_error("photo"):
            return None
        return self.cleaned_data.get("photo") or None

    def clean(self):
        cleaned = super().clean()
        self._use_kept_photo(cleaned)
        if not cleaned.get("photo") and cleaned.get("photo_alt", "").strip() and not self.has_error("photo"):
            self.add_error(
                "photo",
                _(
                    "U schreef wat er op de foto staat, maar er is geen foto. "
                    "Kies de foto, of haal de tekst over de foto weg."
                ),
            )
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

    def _use_kept_photo(self, cleaned) -> None:
        """No new photo chosen: use the kept one, if its reference is good. A new photo replaces it."""
        reference = cleaned.get("kept_photo")
        if (
            reference
            and self.data.get(self.add_prefix(FORGET))
            and not self.files.get(self.add_prefix("photo"))
        ):
            # Sent without the photo, as asked: its description goes with it, and so does the kept file.
            services.forget_kept_photo(reference=reference, owner=self.owner)
            cleaned["photo_alt"] = ""
            return
        if not reference or self.files.get(self.add_prefix("photo")):
            return
        try:
            cleaned["photo"] = services.kept_photo(reference=reference, owner=self.owner)
        except ApplicationError as error:
            self.add_error("photo", error.message)

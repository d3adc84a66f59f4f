"""Uploaded photos: decoded in full before they are accepted, and stored without metadata.

A phone photo carries EXIF (often the GPS position of the resident's home), sometimes XMP. Wagtail's image
library copies EXIF into every rendition, so the original itself is re-encoded without it: then no file made
from it carries it either. Very large photos are scaled down while they are decoded (JPEG draft mode), which
keeps the memory of one upload bounded; `WAGTAILIMAGES_MAX_IMAGE_PIXELS` refuses bigger ones before decoding.
"""

import secrets
import threading
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageFile, ImageOps
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.utils.file import hash_filelike

# The longest side an original keeps: more than any page shows, at a fraction of a phone photo's memory.
MAX_SIDE = 3200
BROKEN = _("Deze foto is kapot of niet helemaal verstuurd. Kies een andere foto, of probeer het nog eens.")
# Only JPEG decodes at a fraction of its size; other formats are decoded whole, so they get a lower limit.
OTHER_MAX_PIXELS = 16_000_000
TOO_BIG = _("Deze foto is te groot. Kies een jpg-foto, of een foto van ten hoogste 16 megapixel.")
_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "AVIF": ".avif"}
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, PILImage.DecompressionBombError)


_strict = threading.Lock()


def _open(data: bytes) -> PILImage.Image:
    image = PILImage.open(BytesIO(data))
    width, height = image.size
    if image.format == "JPEG":
        # Decode at 1/2, 1/4 or 1/8 of the size when that still leaves MAX_SIDE on the longest side.
        ratio = min(1.0, MAX_SIDE / max(width, height))
        image.draft("RGB", (max(1, int(width * ratio)), max(1, int(height * ratio))))
    elif width * height > OTHER_MAX_PIXELS:
        raise ValidationError(TOO_BIG, code="too_many_pixels")
    # WeasyPrint (the impact PDF) lets Pillow pad cut-off images for the whole process; an upload must be whole.
    with _strict:
        lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
        try:
            image.load()
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = lenient
    return image


def _read(file) -> bytes:
    file.seek(0)
    data = file.read()
    file.seek(0)
    return data


def check_decodes(file) -> None:
    """Raise a Dutch ValidationError if the photo cannot be decoded to its last pixel (broken or cut off)."""
    try:
        _open(_read(file)).close()
    except _DECODE_ERRORS as error:
        raise ValidationError(BROKEN, code="broken_image") from error


def without_metadata(file) -> ContentFile:
    """The photo re-encoded upright, at most MAX_SIDE pixels, with no EXIF or XMP, under a random name."""
    with _open(_read(file)) as source:
        fmt = source.format if source.format in _FORMATS else "PNG"
        icc_profile = source.info.get("icc_profile")
        image = source
        image.thumbnail((MAX_SIDE, MAX_SIDE))  # in place, as is the turn below: no second copy in memory
        ImageOps.exif_transpose(image, in_place=True)  # turn it upright before the orientation tag goes
        image.info = {}  # EXIF, XMP, comments: nothing travels along
        if fmt == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        options = {"quality": 90} if fmt in ("JPEG", "WEBP", "AVIF") else {}
        if icc_profile:
            options["icc_profile"] = icc_profile  # colours only, no personal data
        out = BytesIO()
        image.save(out, format=fmt, **options)
    return ContentFile(out.getvalue(), name=secrets.token_hex(12) + _FORMATS[fmt])


def strip_uploaded_image(sender, instance, **kwargs) -> None:
    """pre_save of the Wagtail image model: a new upload is stored without metadata, under a random name."""
    file = instance.file
    if not file or getattr(file, "_committed", True):
        return
    clean = without_metadata(file)
    instance.file = clean
    instance.file_size = clean.size
    instance.file_hash = hash_filelike(clean)
    clean.seek(0)


class ImageForm(BaseImageForm):
    """The Wagtail admin's image form (`WAGTAILIMAGES_IMAGE_FORM_BASE`): a broken photo is a form error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = DecodedImageField(
                required=field.required, label=field.label, help_text=field.help_text, widget=field.widget
            )


class DecodedImageField(WagtailImageField):
    """Wagtail's image field that also decodes the whole photo: a cut-off upload gets a Dutch error, and a
    photo that is too large says so in words a resident can act on."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["file_too_many_pixels"] = _(
            "Deze foto is te groot (te veel pixels). Maak hem kleiner of kies een andere foto. "
            "Een foto van een telefoon past bijna altijd."
        )

    def to_python(self, data):
        try:
            file = super().to_python(data)
        except _DECODE_ERRORS as error:  # Wagtail reads the header: a cut-off header raises here
            raise ValidationError(BROKEN, code="broken_image") from error
        if file is not None:
            check_decodes(file)
        return file

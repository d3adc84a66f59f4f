"""Residents' photos: no EXIF (GPS above all) in any file served to the public, originals never served,
broken or oversized uploads refused with a Dutch message."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags
from PIL import Image as PILImage
from wagtail.images import get_image_model

from stories.models import StoryPage

pytestmark = pytest.mark.django_db

URL = "/verhalen/insturen/"
TEXT = "Vorige week kookten we met tien buren in Ons Huis van de Wijk.\n\nIedereen nam iets mee."
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>51,46.0N</exif:GPSLatitude></x:xmpmeta>'


@pytest.fixture(autouse=True)
def _files_on_disk(settings, tmp_path):
    """Served bytes are read through the media URL, so the files live on disk as under `make run`."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


def jpeg_with_gps(size=(1200, 800)) -> bytes:
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "Telefoon"
    exif[ExifTags.Base.Orientation] = 6  # taken sideways: must be turned upright, not lost
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 46.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (5.0, 31.0, 40.2)
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#0b5d3b").save(buffer, "JPEG", exif=exif, xmp=XMP)
    return buffer.getvalue()


def has_location(data: bytes) -> bool:
    with PILImage.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        return bool(
            exif.get_ifd(ExifTags.IFD.GPSInfo)
            or ExifTags.Base.GPSInfo in exif
            or "exif" in image.info
            or "xmp" in image.info
            or b"GPS" in data
        )


def submit(client, photo: bytes, name="IMG_2041.jpg"):
    return client.post(
        URL,
        {
            "title": "Samen koken met de buren",
            "text": TEXT,
            "publication_consent": "on",
            "photo_consent": "on",
            "photo_alt": "Tien buren aan een lange tafel",
            "photo": SimpleUploadedFile(name, photo, content_type="image/jpeg"),
        },
    )


def test_the_test_photo_really_carries_a_location():
    assert has_location(jpeg_with_gps())


def test_no_file_served_to_the_public_carries_the_location(client, client_for, resident, index):
    assert submit(client_for(resident), jpeg_with_gps()).status_code == 302
    story = StoryPage.objects.get(submitted_by=resident)
    image = story.hero_image
    # The original is stored without metadata, upright, under a random name.
    with image.open_file() as f:
        original = f.read()
    assert not has_location(original)
    assert (image.width, image.height) == (800, 1200)
    assert "IMG_2041" not in image.file.name
    # Originals are never served, also not before publication.
    assert client.get(f"/media/{image.file.name}").status_code == 404

    story.save_revision().publish()
    page = client.get(f"/verhalen/{story.slug}/").content.decode()
    served = set(re.findall(r"/media/[^\s\"',]+", page))
    assert served, "the story page shows the photo"
    for url in served:
        response = client.get(url)
        assert response.status_code == 200, url
        data = b"".join(response.streaming_content)
        assert not has_location(data), url
    # Every rendition made from it, in every format, is clean too.
    for spec in ("fill-400x300|format-jpeg", "width-800|format-webp", "max-100x100|format-png"):
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as f:
            assert not has_location(f.read()), spec


def test_broken_photo_gets_a_dutch_400(client_for, resident, index):
    cut_off = jpeg_with_gps()[:-4000]
    response = submit(client_for(resident), cut_off)
    assert response.status_code == 400
    assert "Deze foto is kapot of niet helemaal verstuurd" in response.content.decode()
    assert not StoryPage.objects.filter(submitted_by=resident).exists()
    assert not get_image_model().objects.exists()


def test_not_an_image_at_all_gets_a_dutch_400(client_for, resident, index):
    response = submit(client_for(resident), b"\xff\xd8\xff\xe0 dit is geen foto" * 20)
    assert response.status_code == 400
    assert not StoryPage.objects.filter(submitted_by=resident).exists()


def test_photo_with_too_many_pixels_is_refused_before_decoding(client_for, resident, index, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    response = submit(client_for(resident), jpeg_with_gps(size=(1500, 1000)))
    assert response.status_code == 400
    assert "Deze foto is te groot (te veel pixels). Maak hem kleiner" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_admin_upload_of_a_broken_photo_is_a_form_error(client_for, editor):
    response = client_for(editor).post(
        "/admin/images/add/",
        {"title": "Kapot", "file": SimpleUploadedFile("kapot.jpg", jpeg_with_gps()[:-4000], "image/jpeg")},
    )
    assert response.status_code == 200
    assert "Deze foto is kapot of niet helemaal verstuurd" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_admin_upload_is_stored_without_location(client_for, editor):
    client_for(editor).post(
        "/admin/images/add/",
        {"title": "Buren", "file": SimpleUploadedFile("buren.jpg", jpeg_with_gps(), "image/jpeg")},
    )
    image = get_image_model().objects.get()
    with image.open_file() as f:
        assert not has_location(f.read())


def test_large_png_is_refused_because_it_decodes_whole(client_for, resident, index, monkeypatch):
    from core import images

    monkeypatch.setattr(images, "OTHER_MAX_PIXELS", 100_000)
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), "#0b5d3b").save(buffer, "PNG")
    response = submit(client_for(resident), buffer.getvalue(), name="groot.png")
    assert response.status_code == 400
    assert "Deze foto is te groot" in response.content.decode()

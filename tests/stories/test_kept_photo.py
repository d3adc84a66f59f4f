"""A photo that was fine is kept when the story form comes back with errors: the resident need not pick it
again, and it is never lost without a word. The reference to it is signed, for one resident, for a day."""

import html
import re
from datetime import timedelta

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from ops.models import JobRun
from ops.schedule import SCHEDULE
from ops.scheduler import enqueue
from stories import services
from stories.models import StoryPage

from .factories import image_bytes
from .test_photos import has_location, jpeg_with_gps

pytestmark = pytest.mark.django_db

URL = "/verhalen/insturen/"
TEXT = "Vorige week kookten we met tien buren in Ons Huis van de Wijk.\n\nIedereen nam iets mee."
KEPT = "Uw foto is bewaard. Kiest u een andere, dan vervangt die deze."
GONE = "We hebben uw foto niet meer."
NO_PHOTO = "U schreef wat er op de foto staat, maar er is geen foto."


def _post(client, **fields):
    data = {"title": "Samen koken met de buren", "text": TEXT, "publication_consent": "on"}
    data.update(fields)
    return client.post(URL, {key: value for key, value in data.items() if value is not None})


def _photo(content=None, name="IMG_2041.jpg"):
    return SimpleUploadedFile(name, content or jpeg_with_gps(), content_type="image/jpeg")


def _reference(response) -> str:
    found = re.search(r'name="kept_photo" value="([^"]+)"', response.content.decode())
    assert found, "the page carries the kept photo along"
    return html.unescape(found.group(1))


def _colour(image) -> tuple:
    with image.open_file() as f, PILImage.open(f) as picture:
        return picture.convert("RGB").getpixel((10, 10))


def test_photo_is_kept_when_the_description_is_missing_and_used_on_the_next_send(client_for, resident, index):
    client = client_for(resident)
    first = _post(client, photo=_photo(), photo_consent="on")
    assert first.status_code == 400
    page = first.content.decode()
    assert "Vertel in één zin wat er op de foto staat." in page
    assert KEPT in page and "IMG_2041.jpg" in page
    assert not StoryPage.objects.filter(submitted_by=resident).exists()

    second = _post(
        client, kept_photo=_reference(first), photo_alt="Tien buren aan een lange tafel", photo_consent="on"
    )
    assert second.status_code == 302
    story = StoryPage.objects.get(submitted_by=resident)
    assert story.hero_image is not None
    assert story.hero_alt == "Tien buren aan een lange tafel"
    assert story.photo_consent_at is not None
    # stored as an upload is: upright, without the location, under a random name
    assert (story.hero_image.width, story.hero_image.height) == (800, 1200)
    with story.hero_image.open_file() as f:
        assert not has_location(f.read())
    assert "IMG_2041" not in story.hero_image.file.name


def test_the_kept_file_is_clean_and_goes_once_the_story_is_sent(
    client_for, resident, index, django_capture_on_commit_callbacks
):
    client = client_for(resident)
    first = _post(client, photo=_photo(), photo_alt="Tien buren")  # photo consent forgotten
    assert first.status_code == 400
    kept = services.kept_photo(reference=_reference(first), owner=resident)
    with default_storage.open(kept.path, "rb") as f:
        assert not has_location(f.read())
    assert "IMG_2041" not in kept.path

    with django_capture_on_commit_callbacks(execute=True):
        second = _post(client, kept_photo=_reference(first), photo_alt="Tien buren", photo_consent="on")
    assert second.status_code == 302
    assert not default_storage.exists(kept.path)


def test_photo_is_kept_through_a_second_round_of_errors(client_for, resident, index):
    client = client_for(resident)
    first = _post(client, photo=_photo(), photo_consent="on")
    second = _post(client, kept_photo=_reference(first), photo_consent="on", title="")
    assert second.status_code == 400
    assert KEPT in second.content.decode()
    third = _post(client, kept_photo=_reference(second), photo_alt="Buren", photo_consent="on")
    assert third.status_code == 302
    assert StoryPage.objects.get(submitted_by=resident).hero_image is not None


def test_a_new_photo_replaces_the_kept_one(client_for, resident, index):
    client = client_for(resident)
    first = _post(client, photo=_photo(image_bytes(colour="#ff0000", fmt="JPEG")), photo_consent="on")
    new = _photo(image_bytes(colour="#0000ff", fmt="PNG"), name="blauw.png")
    response = _post(client, kept_photo=_reference(first), photo=new, photo_alt="Blauw", photo_consent="on")
    assert response.status_code == 302
    red, green, blue = _colour(StoryPage.objects.get(submitted_by=resident).hero_image)
    assert blue > 200 and red < 50
    assert get_image_model().objects.count() == 1


def test_photo_is_kept_when_a_rule_of_the_service_refuses(client_for, resident, index, monkeypatch):
    from core.exceptions import ApplicationError

    def refuse(**kwargs):
        raise ApplicationError("U kunt nu even geen verhaal insturen.")

    monkeypatch.setattr(services, "submit_story", refuse)
    response = _post(client_for(resident), photo=_photo(), photo_alt="Buren", photo_consent="on")
    assert response.status_code == 400
    assert KEPT in response.content.decode()


def test_a_broken_new_photo_is_not_kept_and_the_old_one_is_no_longer_offered(client_for, resident, index):
    client = client_for(resident)
    reference = _reference(_post(client, photo=_photo(), photo_consent="on"))
    broken = _photo(jpeg_with_gps()[:-4000], name="kapot.jpg")
    response = _post(client, kept_photo=reference, photo=broken, photo_alt="Buren", photo_consent="on")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Deze foto is kapot" in page
    assert KEPT not in page and 'name="kept_photo" value=' not in page
    assert not StoryPage.objects.filter(submitted_by=resident).exists()


@pytest.mark.parametrize("change", ["tampered", "nonsense"])
def test_a_tampered_reference_is_a_dutch_form_error(client_for, resident, index, change):
    client = client_for(resident)
    first = _post(client, photo=_photo(), photo_consent="on")
    reference = _reference(first)
    if change == "tampered":
        reference = reference[:-3] + ("aaa" if not reference.endswith("aaa") else "bbb")
    else:
        reference = "../../original_images/geheim.jpg"
    response = _post(client, kept_photo=reference, photo_alt="Buren", photo_consent="on")
    assert response.status_code == 400
    page = response.content.decode()
    assert GONE in page
    assert KEPT not in page
    assert not StoryPage.objects.filter(submitted_by=resident).exists()
    assert not get_image_model().objects.exists()


def test_another_residents_kept_photo_cannot_be_used(client_for, resident, other_resident, index):
    reference = _reference(_post(client_for(resident), photo=_photo(), photo_consent="on"))
    response = _post(client_for(other_resident), kept_photo=reference, photo_alt="Buren", photo_consent="on")
    assert response.status_code == 400
    assert GONE in response.content.decode()
    assert not StoryPage.objects.filter(submitted_by=other_resident).exists()
    assert not get_image_model().objects.exists()


def test_a_reference_older_than_a_day_is_a_dutch_form_error(client_for, resident, index):
    client = client_for(resident)
    reference = _reference(_post(client, photo=_photo(), photo_consent="on"))
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        response = _post(client, kept_photo=reference, photo_alt="Buren", photo_consent="on")
    assert response.status_code == 400
    assert GONE in response.content.decode()
    assert not StoryPage.objects.filter(submitted_by=resident).exists()


def test_a_reference_whose_file_was_removed_is_a_dutch_form_error(client_for, resident, index):
    client = client_for(resident)
    reference = _reference(_post(client, photo=_photo(), photo_consent="on"))
    default_storage.delete(services.kept_photo(reference=reference, owner=resident).path)
    response = _post(client, kept_photo=reference, photo_alt="Buren", photo_consent="on")
    assert response.status_code == 400
    assert GONE in response.content.decode()


def test_a_description_without_a_photo_is_not_sent_as_if_the_photo_were_there(client_for, resident, index):
    client = client_for(resident)
    response = _post(client, photo_alt="Tien buren aan een lange tafel", photo_consent="on")
    assert response.status_code == 400
    page = response.content.decode()
    assert NO_PHOTO in page
    assert KEPT not in page
    assert not StoryPage.objects.filter(submitted_by=resident).exists()
    # without the description it goes, and nothing on the story says there was a photo
    assert _post(client, photo_alt="", photo_consent="on").status_code == 302
    story = StoryPage.objects.get(submitted_by=resident)
    assert story.hero_image is None and story.photo_consent_at is None and story.hero_alt == ""


def test_an_empty_post_is_a_400_not_an_error_page(client_for, resident, index):
    assert client_for(resident).post(URL).status_code == 400


def test_the_hourly_job_removes_kept_photos_older_than_a_day_and_leaves_fresh_ones(
    resident, other_resident, volunteer
):
    def keep(owner):  # one photo per resident: three residents
        photo = SimpleUploadedFile("buren.png", image_bytes(), content_type="image/png")
        return services.keep_photo(photo=photo, owner=owner).path

    with time_machine.travel(timezone.now() - timedelta(days=1, hours=1)):
        old = keep(resident)
    with time_machine.travel(timezone.now() - timedelta(hours=23)):
        recent = keep(other_resident)
    fresh = keep(volunteer)

    entry = next(entry for entry in SCHEDULE if entry.name == "kept_story_photos")
    assert entry.cron == {"minute": "50"}
    enqueue(entry)  # the tests' task backend runs it at once

    assert not default_storage.exists(old)
    assert default_storage.exists(recent) and default_storage.exists(fresh)
    run = JobRun.objects.get(name="kept_story_photos")
    assert run.last_succeeded and run.last_result["count"] >= 1


def test_the_cleanup_is_quiet_when_nothing_was_ever_kept(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    assert services.remove_old_kept_photos() == 0


def test_the_photo_field_points_at_the_kept_notice(client_for, resident, index):
    page = _post(client_for(resident), photo=_photo(), photo_consent="on").content.decode()
    photo_input = re.search(r'<input type="file"[^>]*>', page).group(0)
    assert "id_photo_kept" in photo_input
    assert 'id="id_photo_kept"' in page


def test_the_kept_photo_name_is_escaped(client_for, resident, index):
    response = _post(client_for(resident), photo=_photo(name="a<i>feest.jpg"), photo_consent="on")
    assert response.status_code == 400
    page = response.content.decode()
    assert "a<i>feest.jpg" not in page and "a&lt;i&gt;feest.jpg" in page


def test_a_kept_photo_can_be_left_out(client_for, resident, index):
    """Someone who changes their mind ticks "Foto weghalen" and sends the story without the photo."""
    client = client_for(resident)
    first = _post(client, photo=_photo())  # no description, no consent
    assert "Foto weghalen: stuur mijn verhaal zonder deze foto" in first.content.decode()
    kept = services.kept_photo(reference=_reference(first), owner=resident)
    # The description typed for the photo goes with it.
    second = _post(client, kept_photo=_reference(first), foto_weghalen="1", photo_alt="Tien buren")
    assert second.status_code == 302
    story = StoryPage.objects.get(submitted_by=resident)
    assert story.hero_image is None and story.hero_alt == ""
    assert not default_storage.exists(kept.path)  # gone now, not an hour later


def test_one_resident_keeps_one_photo_however_often_the_form_comes_back(
    client_for, resident, other_resident, index
):
    for person in (resident, other_resident):
        client = client_for(person)
        for _try in range(4):
            assert _post(client, photo=_photo()).status_code == 400
    _folders, names = default_storage.listdir(services.KEPT_PHOTOS)
    owners = [name.split("-", 1)[0] for name in names]  # the storage may hold other tests' files too
    assert owners.count(str(resident.pk)) == owners.count(str(other_resident.pk)) == 1

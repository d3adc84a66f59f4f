"""A resident sends a story in; the redactie approves it in Wagtail's workflow; the resident hears of it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import WorkflowState

from notifications.models import Notification
from stories.models import StoryPage
from tests.factories import UserFactory
from tests.pages import titles_of

from .factories import image_bytes, make_story

pytestmark = pytest.mark.django_db

URL = "/verhalen/insturen/"
STORY_TEXT = (
    "Vorige week kookten we met tien buren in Ons Huis van de Wijk.\n\nIedereen nam iets mee van thuis."
)


def _photo(name="buren.png", content=None, content_type="image/png"):
    return SimpleUploadedFile(name, content or image_bytes(), content_type=content_type)


def _post(client, **overrides):
    data = {
        "title": "Samen koken met de buren",
        "text": STORY_TEXT,
        "publication_consent": "on",
        "photo_alt": "",
    }
    data.update(overrides)
    return client.post(URL, {key: value for key, value in data.items() if value is not None})


def test_anonymous_visitor_is_sent_to_login(client, index):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_unverified_resident_is_asked_to_confirm_email_first(client_for, index):
    unverified = UserFactory(verified=False)
    response = _post(client_for(unverified))
    assert response.status_code == 403
    assert "Bevestig eerst uw e-mailadres" in response.content.decode()
    assert not StoryPage.objects.filter(submitted_by=unverified).exists()


def test_form_has_labels_for_every_field(client_for, resident, index):
    html = client_for(resident).get(URL).content.decode()
    assert titles_of(html) == ("Stuur uw verhaal in", "Stuur uw verhaal in")
    for name in ("title", "text", "photo", "photo_alt", "photo_consent", "publication_consent"):
        assert f'for="id_{name}"' in html and f'id="id_{name}"' in html
    assert 'enctype="multipart/form-data"' in html


def test_full_submission_flow_from_resident_to_published_and_notified(
    client, client_for, resident, editor, other_resident, index
):
    response = _post(
        client_for(resident), photo=_photo(), photo_alt="Tien buren aan een lange tafel", photo_consent="on"
    )
    assert response.status_code == 302
    assert response["Location"] == "/mijn/#sectie-verhalen"

    story = StoryPage.objects.get(submitted_by=resident)
    # a draft, with the text escaped into paragraphs and the consent recorded
    assert not story.live
    assert story.title == "Samen koken met de buren"
    assert story.author_name == resident.public_name
    assert [block.block_type for block in story.body] == ["paragraph", "paragraph"]
    assert story.publication_consent_at is not None
    assert story.photo_consent_at is not None
    assert story.hero_image is not None and story.hero_alt == "Tien buren aan een lange tafel"
    # waiting in the redactie's workflow
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    assert list(task_state.task.specific.groups.values_list("name", flat=True)) == ["redactie"]
    # not public
    for visitor in (client, client_for(other_resident)):
        assert visitor.get(f"/verhalen/{story.slug}/").status_code == 404
        assert "Samen koken met de buren" not in visitor.get("/verhalen/").content.decode()
    # the resident sees the state on /mijn/
    mine = client_for(resident).get("/mijn/").content.decode()
    assert "Mijn verhalen" in mine and "Samen koken met de buren" in mine
    assert "De redactie leest uw verhaal" in mine
    assert not Notification.objects.filter(user=resident).exists()

    # the redactie opens it in the Wagtail admin and approves it: that publishes it
    editor_client = client_for(editor)
    assert editor_client.get(f"/admin/pages/{story.pk}/edit/").status_code == 200
    response = editor_client.post(f"/admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/", {})
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live
    assert client.get(f"/verhalen/{story.slug}/").status_code == 200

    notification = Notification.objects.get(user=resident)
    assert "Samen koken met de buren" in notification.text
    assert notification.url == f"/verhalen/{story.slug}/"
    assert notification.kind == "story_published"
    assert "Staat online" in client_for(resident).get("/mijn/").content.decode()


def test_photo_without_consent_of_people_in_it_is_refused_with_a_clear_message(client_for, resident, index):
    response = _post(client_for(resident), photo=_photo(), photo_alt="Twee buren")
    assert response.status_code == 400
    html = response.content.decode()
    assert "We plaatsen een foto alleen als iedereen op de foto dat goed vindt." in html
    assert 'value="Samen koken met de buren"' in html  # nothing typed is lost
    assert not StoryPage.objects.filter(submitted_by=resident).exists()


def test_story_without_consent_for_publication_is_refused(client_for, resident, index):
    response = _post(client_for(resident), publication_consent=None)
    assert response.status_code == 400
    assert "Zonder uw toestemming kunnen we uw verhaal niet plaatsen." in response.content.decode()
    assert not StoryPage.objects.exists() or not StoryPage.objects.filter(submitted_by=resident).exists()


def test_photo_needs_a_description(client_for, resident, index):
    response = _post(client_for(resident), photo=_photo(), photo_consent="on")
    assert response.status_code == 400
    assert "Vertel in één zin wat er op de foto staat." in response.content.decode()


def test_story_without_photo_needs_no_photo_consent(client_for, resident, index):
    assert _post(client_for(resident)).status_code == 302
    story = StoryPage.objects.get(submitted_by=resident)
    assert story.hero_image is None and story.photo_consent_at is None
    assert story.publication_consent_at is not None


def test_too_large_photo_is_refused(client_for, resident, index, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = _post(
        client_for(resident),
        photo=_photo(content=image_bytes(size=(800, 800), fmt="PNG") + b"\0" * 2000),
        photo_alt="Een foto",
        photo_consent="on",
    )
    assert response.status_code == 400
    assert "Dit bestand is te groot" in response.content.decode()
    assert not StoryPage.objects.filter(submitted_by=resident).exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type", "message"),
    [
        ("plaatje.gif", None, "image/gif", "Geen ondersteund afbeeldingsformaat"),
        ("virus.png", b"this is not an image at all", "image/png", "Upload een geldige afbeelding"),
        ("tekst.txt", b"hallo", "text/plain", "Upload een geldige afbeelding"),
    ],
)
def test_photo_of_the_wrong_type_is_refused(
    client_for, resident, index, name, content, content_type, message
):
    if content is None:
        content = image_bytes(fmt="GIF")
    response = _post(
        client_for(resident),
        photo=_photo(name=name, content=content, content_type=content_type),
        photo_alt="Een foto",
        photo_consent="on",
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not StoryPage.objects.filter(submitted_by=resident).exists()


def test_typed_html_is_never_rendered_as_html(client, client_for, resident, index):
    from stories.services import notify_author_of_publication  # noqa: F401 — published below through Wagtail

    _post(
        client_for(resident),
        text="<script>alert(1)</script> Een verhaal over <b>onze</b> straat en de buren.",
    )
    story = StoryPage.objects.get(submitted_by=resident)
    story.get_latest_revision().publish()
    html = client.get(f"/verhalen/{story.slug}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_author_is_notified_only_once(resident, index):
    story = make_story(submitted_by=resident)
    story.save_revision().publish()
    assert Notification.objects.filter(user=resident, kind="story_published").count() == 1


def test_editorial_story_without_submitter_notifies_nobody(index):
    make_story()
    assert not Notification.objects.exists()


def test_mijn_verhalen_shows_only_own_submissions(client_for, resident, other_resident, index):
    make_story(title="Van Piet", publish=False, submitted_by=other_resident)
    make_story(title="Van Fatma", submitted_by=resident)
    html = client_for(resident).get("/mijn/").content.decode()
    assert "Van Fatma" in html and "Van Piet" not in html


def test_editor_approval_via_model_api_publishes(resident, editor, index):
    from stories.services import submit_story

    story = submit_story(
        author=resident, index=index, title="Moestuin", text=STORY_TEXT, publication_consent=True
    )
    task_state = WorkflowState.objects.get(object_id=str(story.pk)).current_task_state.specific
    task_state.task.specific.on_action(task_state, editor, "approve")
    story.refresh_from_db()
    assert story.live
    assert Notification.objects.filter(user=resident, kind="story_published").exists()


def test_submit_story_service_refuses_photo_without_consent(resident, index):
    from core.exceptions import ApplicationError
    from stories.services import submit_story

    with pytest.raises(ApplicationError):
        submit_story(
            author=resident,
            index=index,
            title="Foto",
            text=STORY_TEXT,
            photo=_photo(),
            publication_consent=True,
            photo_consent=False,
        )
    assert not StoryPage.objects.filter(submitted_by=resident).exists()


def test_mijn_verhalen_shows_when_the_redactie_asks_for_changes(client_for, resident, editor, index):
    from stories.services import submit_story

    story = submit_story(
        author=resident, index=index, title="Moestuin", text=STORY_TEXT, publication_consent=True
    )
    task_state = WorkflowState.objects.get(object_id=str(story.pk)).current_task_state.specific
    question = "Hoeveel buren doen mee?"
    task_state.task.specific.on_action(task_state, editor, "reject", comment=question)
    html = client_for(resident).get("/mijn/").content.decode()
    assert "De redactie heeft een vraag" in html
    assert f"<strong>De redactie vraagt:</strong> {question}" in html
    assert 'href="mailto:info@wijkderuwaard.nl?subject=Moestuin"' in html
    assert not StoryPage.objects.get(pk=story.pk).live
    # the writer is told, with the question itself, and led to Mijn pagina
    told = Notification.objects.get(user=resident, kind="story_published")
    assert told.text == f"De redactie heeft een vraag over uw verhaal “Moestuin”: {question}"
    assert told.url == "/mijn/#sectie-verhalen"


def test_a_long_question_of_the_editors_fits_the_notification_with_its_end_marked(resident, editor, index):
    from notifications.models import Notification
    from stories.services import submit_story

    story = submit_story(
        author=resident, index=index, title="Moestuin", text=STORY_TEXT, publication_consent=True
    )
    task_state = WorkflowState.objects.get(object_id=str(story.pk)).current_task_state.specific
    task_state.task.specific.on_action(task_state, editor, "reject", comment="Kunt u meer vertellen? " * 30)
    told = Notification.objects.get(user=resident, kind="story_published")
    assert len(told.text) <= 300 and told.text.endswith("…")


def test_photo_over_the_configured_8_mb_is_refused(client_for, resident, index, settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 8 * 1024 * 1024
    big = image_bytes() + b"\0" * (8 * 1024 * 1024 + 1)
    response = _post(
        client_for(resident), photo=_photo(content=big), photo_alt="Een foto", photo_consent="on"
    )
    assert response.status_code == 400
    assert "Dit bestand is te groot" in response.content.decode()
    assert "8,0" in response.content.decode()


def test_two_submissions_with_the_same_title_both_succeed_with_different_slugs(client_for, resident, index):
    client = client_for(resident)
    assert _post(client, title="Koffie-ochtend").status_code == 302
    # another story under the same title (the same one sent again is kept once: tests/core/test_double_send)
    assert (
        _post(client, title="Koffie-ochtend", text="Elke dinsdag koffie.\n\n" + STORY_TEXT).status_code == 302
    )
    slugs = sorted(StoryPage.objects.filter(submitted_by=resident).values_list("slug", flat=True))
    assert slugs == ["koffie-ochtend", "koffie-ochtend-2"]


def test_a_rule_of_the_service_is_shown_on_the_form(client_for, resident, index, monkeypatch):
    from core.exceptions import ApplicationError
    from stories import services

    def refuse(**kwargs):
        raise ApplicationError("Deze foto kunnen we niet plaatsen.", field="photo_consent")

    monkeypatch.setattr(services, "submit_story", refuse)
    response = _post(client_for(resident))
    assert response.status_code == 400
    assert "Deze foto kunnen we niet plaatsen." in response.content.decode()
    assert not StoryPage.objects.filter(submitted_by=resident).exists()


def test_intro_copied_from_the_first_paragraph_shows_once(client, resident, index):
    from stories.services import submit_story

    story = submit_story(
        author=resident, index=index, title="Samen koken", text=STORY_TEXT, publication_consent=True
    )
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.intro == "Vorige week kookten we met tien buren in Ons Huis van de Wijk."
    html = client.get(story.url).content.decode()
    body = html.split("<article", 1)[1]
    assert body.count("Vorige week kookten we met tien buren") == 1
    assert "Iedereen nam iets mee van thuis." in body

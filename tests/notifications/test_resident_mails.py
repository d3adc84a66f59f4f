"""Every mail a resident can get speaks B1 Dutch with "u", and never of workflows or the admin."""

import re
from pathlib import Path

import allauth
import pytest
from django.conf import settings
from django.core import mail
from django.template.loader import render_to_string
from wagtail.models import WorkflowState

from notifications import emails
from notifications.kinds import Email, Kind
from notifications.models import Notification

FORBIDDEN = [
    (re.compile(r"\bje\b", re.IGNORECASE), "je"),
    (re.compile(r"\bjouw?\b", re.IGNORECASE), "jou/jouw"),
    (re.compile(r"workflow", re.IGNORECASE), "workflow"),
    (re.compile(r"/admin/"), "an /admin/ link"),
    (re.compile(r"\b(Hello|Thank you|You are receiving|Please)\b"), "English"),
]

ALLAUTH_EMAIL_DIR = Path(allauth.__file__).parent / "templates" / "account" / "email"
OUR_EMAIL_DIR = Path(settings.BASE_DIR) / "platform" / "accounts" / "templates" / "account" / "email"
# Every other app's mail template (<app>/templates/<app>/email(s)/…), found on disk so that new ones count too.
OTHER_RESIDENT_TEMPLATES = sorted(
    str(path.relative_to(path.parents[2]))
    for folder in ("activities", "marketplace", "stories", "platform")
    for path in (Path(settings.BASE_DIR) / folder).glob("**/templates/*/email*/*.txt")
    if "notifications" not in path.parts and "account" not in path.parts
)
CONTEXT = {
    "name": "Fatma",
    "email": "fatma@example.org",
    "user": None,
    "code": "123456",
    "activate_url": "https://wijk.example.nl/account/confirm-email/abc/",
    "password_reset_url": "https://wijk.example.nl/account/password/reset/key/abc/",
    "signup_url": "https://wijk.example.nl/account/signup/",
    "from_email": "oud@example.org",
    "to_email": "nieuw@example.org",
    "deleted_email": "oud@example.org",
    "ip": "192.0.2.1",
    "user_agent": "Firefox",
    "timestamp": "24 november 2026 10:00",
    "site_url": "https://wijk.example.nl",
    "link": "https://wijk.example.nl/x/",
    "settings_link": "https://wijk.example.nl/mijn/",
    "site": "https://wijk.example.nl",
}


def assert_resident_voice(text: str, where: str) -> None:
    for pattern, what in FORBIDDEN:
        match = pattern.search(text)
        assert match is None, (
            f"{where} contains {what}: …{text[max(0, match.start() - 40) : match.end() + 40]}…"
        )


def test_every_allauth_mail_is_ours():
    shipped = {p.name for p in ALLAUTH_EMAIL_DIR.glob("*.txt")}
    ours = {p.name for p in OUR_EMAIL_DIR.glob("*.txt")}
    assert shipped <= ours, f"not rewritten: {sorted(shipped - ours)}"


@pytest.mark.parametrize("name", sorted(p.name for p in ALLAUTH_EMAIL_DIR.glob("*.txt")))
def test_account_mail_speaks_to_the_resident_with_u(name):
    text = render_to_string(f"account/email/{name}", CONTEXT)
    assert text.strip()
    assert_resident_voice(text, name)
    if name.endswith("_message.txt") and "base_" not in name:
        assert "Beste bewoner" in text and "Wij(k) de Ruwaard" in text


@pytest.mark.django_db
@pytest.mark.parametrize("verified", [True, False])
def test_account_mail_greets_by_name_only_an_address_its_owner_confirmed(client, verified):
    """A password reset also goes to an address never confirmed; whoever typed it chose the name too."""
    from allauth.account.models import EmailAddress
    from django.core import mail

    from tests.factories import UserFactory

    user = UserFactory(display_name="Bel 0900-1234", email="noor@example.org")
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": verified, "primary": True}
    )
    client.post("/account/password/reset/", {"email": user.email})
    [message] = mail.outbox
    assert message.body.startswith("Beste Bel 0900-1234," if verified else "Beste bewoner,")
    if not verified:
        assert "0900" not in message.body
    # A confirmation mail never repeats the name.
    text = render_to_string(
        "account/email/email_confirmation_message.txt", {**CONTEXT, "user": user, "greet_by_name": True}
    )
    assert text.startswith("Beste bewoner,")


def test_other_apps_mails_are_found():
    assert "marketplace/emails/expiry_reminder.txt" in OTHER_RESIDENT_TEMPLATES


@pytest.mark.parametrize("template", OTHER_RESIDENT_TEMPLATES)
def test_other_apps_mails_speak_with_u(template):
    assert_resident_voice(render_to_string(template, CONTEXT), template)


@pytest.mark.parametrize("kind", Kind.values)
def test_each_notification_mail_speaks_with_u_and_links_to_the_site(settings, resident, kind):
    settings.SITE_URL = "https://wijk.example.nl"
    note = Notification.objects.create(user=resident, kind=kind, text="Er is iets voor u", url="/mijn/")
    message = emails.notification_email(note)
    html = message.alternatives[0][0]
    for part, where in ((message.subject, "subject"), (message.body, "text"), (html, "html")):
        assert_resident_voice(part, f"{kind} {where}")
    links = re.findall(r'href="([^"]+)"', html) + re.findall(r"https?://\S+", message.body)
    assert links and all(link.startswith("https://wijk.example.nl/") for link in links)


@pytest.mark.parametrize("period", [Email.DAILY, Email.WEEKLY])
def test_digest_mails_speak_with_u(settings, resident, period):
    settings.SITE_URL = "https://wijk.example.nl"
    notes = [
        Notification.objects.create(user=resident, kind=kind, text=f"Melding {kind}", url="/mijn/")
        for kind in Kind.values
    ]
    message = emails.digest_email(user=resident, notifications=notes, period=period)
    for part in (message.subject, message.body, message.alternatives[0][0]):
        assert_resident_voice(part, f"digest {period}")
    assert message.body.count("Geen e-mail meer hierover") == len(Kind.values)


def test_story_published_reaches_the_resident_as_our_mail_not_wagtails(
    resident, editor, django_capture_on_commit_callbacks
):
    from stories.services import submit_story
    from tests.stories.factories import story_index
    from tests.stories.test_submission import STORY_TEXT

    index = story_index()
    story = submit_story(
        author=resident, index=index, title="Moestuin", text=STORY_TEXT, publication_consent=True
    )
    mail.outbox.clear()
    task_state = WorkflowState.objects.get(object_id=str(story.pk)).current_task_state.specific
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, editor, "approve")

    to_resident = [m for m in mail.outbox if resident.email in m.to]
    assert len(to_resident) == 1
    message = to_resident[0]
    assert message.subject == "[Wij(k) de Ruwaard] Uw verhaal “Moestuin” staat op de website. Dank u wel!"
    assert "Moestuin" in message.body
    assert_resident_voice(message.body, "story published")
    assert "localhost" not in message.body


def test_unsubscribe_page_speaks_with_u(client, resident):
    token = emails.unsubscribe_token(user_id=resident.pk, kind=Kind.RESPONSE)
    assert_resident_voice(client.get(f"/mijn/meldingen/uit/{token}/").content.decode(), "unsubscribe page")


def test_signup_confirmation_links_to_the_site_address(db, settings, client):
    settings.SITE_URL = "https://wijk.example.nl"
    client.post(
        "/account/signup/",
        {
            "email": "mieke@example.org",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
            "display_name": "Mieke",
            "accept_privacy": "on",
        },
    )
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "https://wijk.example.nl/account/confirm-email/" in body
    assert "testserver" not in body
    assert_resident_voice(body, "signup confirmation")

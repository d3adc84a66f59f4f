"""Notifications reach the mailbox as each user chose: at once, in a digest, or not."""

from urllib.parse import urlsplit

import time_machine
from django.core import mail
from django.test import Client

from marketplace import services as marketplace_services
from notifications import emails, services
from notifications.kinds import Email, Kind
from notifications.models import Notification, Preference
from ops import tasks as ops_tasks
from tests.marketplace.factories import ListingFactory

SITE = "https://wijk.example.nl"


def _path(url: str) -> str:
    assert url.startswith(SITE + "/"), url
    return urlsplit(url).path


def test_answer_to_a_vraag_mails_the_resident_once_with_a_working_link_and_one_click_unsubscribe(
    settings, resident, volunteer, client_for, django_capture_on_commit_callbacks
):
    settings.SITE_URL = SITE
    listing = ListingFactory(owner=resident, title="Boodschappen op dinsdag")

    with django_capture_on_commit_callbacks(execute=True):
        conversation = marketplace_services.respond(
            listing=listing, responder=volunteer, text="Ik help graag."
        )

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [resident.email]
    assert "Henk reageert op: Boodschappen op dinsdag" in message.body
    assert message.subject == "[Wij(k) de Ruwaard] Henk reageert op: Boodschappen op dinsdag"
    link = SITE + conversation.get_absolute_url()
    assert link in message.body
    html = message.alternatives[0][0]
    assert f'href="{link}"' in html
    # The link works for the resident.
    page = client_for(resident).get(_path(link))
    assert page.status_code == 200 and "Ik help graag." in page.content.decode()

    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.startswith(f"<{SITE}/mijn/meldingen/uit/") and unsubscribe.endswith(">")

    # One click from the mail program: a POST without login or CSRF token turns that kind off.
    anonymous = Client(enforce_csrf_checks=True)
    answer = anonymous.post(_path(unsubscribe[1:-1]), {"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200
    assert Preference.objects.get(user=resident, kind=Kind.RESPONSE).email == Email.OFF

    mail.outbox.clear()
    other_listing = ListingFactory(owner=resident, title="Hulp bij de tuin")
    with django_capture_on_commit_callbacks(execute=True):
        marketplace_services.respond(listing=other_listing, responder=volunteer, text="Ik kom zaterdag.")
    assert mail.outbox == []  # off: nothing by e-mail …
    assert Notification.objects.filter(
        user=resident, text__contains="Hulp bij de tuin"
    ).exists()  # … still on the site


def test_unsubscribe_link_shows_a_button_first_and_changes_nothing_on_get(settings, resident):
    token = emails.unsubscribe_token(user_id=resident.pk, kind=Kind.MESSAGE)
    page = Client().get(f"/mijn/meldingen/uit/{token}/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Ja, geen e-mail meer" in body and "Een nieuw bericht" in body
    assert not Preference.objects.filter(user=resident).exists()


def test_a_changed_unsubscribe_token_is_refused_in_dutch(resident):
    token = emails.unsubscribe_token(user_id=resident.pk, kind=Kind.MESSAGE)
    page = Client().post(f"/mijn/meldingen/uit/{token[:-2]}xx/")
    assert page.status_code == 400
    assert "Deze link werkt niet" in page.content.decode()
    assert not Preference.objects.filter(user=resident).exists()


def test_off_sends_nothing_and_daily_sends_one_digest_grouped_by_kind(
    resident, django_capture_on_commit_callbacks
):
    services.set_preferences(
        user=resident,
        choices={
            Kind.MESSAGE: (Email.OFF, False),
            Kind.RESPONSE: (Email.DAILY, False),
            Kind.MATCH: (Email.DAILY, False),
        },
    )
    with (
        time_machine.travel("2026-11-24 09:00 +0100", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.notify(user=resident, kind=Kind.MESSAGE, text="Nieuw bericht van Henk", url="/berichten/1/")
        services.notify(user=resident, kind=Kind.RESPONSE, text="Henk reageert op: Tuin", url="/berichten/2/")
        services.notify(user=resident, kind=Kind.RESPONSE, text="Ans reageert op: Tuin", url="/berichten/3/")
        services.notify(
            user=resident, kind=Kind.MATCH, text="Een nieuwe vraag past bij u", url="/vraag-en-aanbod/4/"
        )
    assert mail.outbox == []  # nothing at once

    with (
        time_machine.travel("2026-11-25 07:00 +0100", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        ops_tasks.digests.call()
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == [resident.email]
    assert "Uw meldingen van vandaag" in digest.subject
    assert "Henk reageert op: Tuin" in digest.body and "Ans reageert op: Tuin" in digest.body
    assert "Nieuw bericht van Henk" not in digest.body  # off
    # Grouped: one heading per kind, the responses together.
    assert digest.body.index("Iemand reageert op mijn vraag of aanbod") < digest.body.index("Ans reageert")
    assert digest.body.index("Ans reageert") < digest.body.index("Een vraag die past bij wat ik aanbied")
    assert "List-Unsubscribe" in digest.extra_headers

    with (
        time_machine.travel("2026-11-25 07:01 +0100", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        ops_tasks.digests.call()
    assert len(mail.outbox) == 1  # the job ran twice: still one digest


def test_weekly_digest_waits_for_monday(resident, django_capture_on_commit_callbacks):
    services.set_preferences(user=resident, choices={Kind.STORY_PUBLISHED: (Email.WEEKLY, False)})
    with time_machine.travel("2026-11-25 12:00 +0100", tick=False):  # a Wednesday
        services.notify(
            user=resident, kind=Kind.STORY_PUBLISHED, text="Uw verhaal staat online", url="/verhalen/x/"
        )
    with (
        time_machine.travel("2026-11-26 07:00 +0100", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.send_digests()
    assert mail.outbox == []
    with (
        time_machine.travel("2026-11-30 07:00 +0100", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.send_digests()  # Monday
    assert [m.subject for m in mail.outbox] == ["[Wij(k) de Ruwaard] Uw meldingen van deze week"]


def test_mail_links_start_with_the_site_address(settings, resident):
    settings.SITE_URL = SITE
    note = services.notify(
        user=resident, kind=Kind.STORY_PUBLISHED, text="Uw verhaal staat online", url="/verhalen/x/"
    )
    message = emails.notification_email(note)
    assert f"{SITE}/verhalen/x/" in message.body
    assert f"{SITE}/mijn/#sectie-meldingen" in message.body
    # A link to elsewhere never ends up in a mail: it becomes the notification list.
    note.url = "https://evil.example/"
    assert "evil.example" not in emails.notification_email(note).body


def test_one_click_on_a_digest_with_several_kinds_stops_that_digest(
    resident, django_capture_on_commit_callbacks
):
    services.set_preferences(
        user=resident,
        choices={
            Kind.RESPONSE: (Email.DAILY, True),
            Kind.MATCH: (Email.DAILY, False),
            Kind.MESSAGE: (Email.WEEKLY, False),
        },
    )
    services.notify(user=resident, kind=Kind.RESPONSE, text="Henk reageert op: Tuin", url="/berichten/2/")
    services.notify(
        user=resident, kind=Kind.MATCH, text="Een nieuwe vraag past bij u", url="/vraag-en-aanbod/4/"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.send_digests()
    header = mail.outbox[0].extra_headers["List-Unsubscribe"]
    Client().post(urlsplit(header[1:-1]).path)
    chosen = {p.kind: (p.email, p.push) for p in Preference.objects.filter(user=resident)}
    assert chosen[Kind.RESPONSE] == (Email.OFF, True)  # push stays as it was
    assert chosen[Kind.MATCH] == (Email.OFF, False)
    assert chosen[Kind.MESSAGE] == (Email.WEEKLY, False)  # the weekly digest is another mail


def test_a_long_notification_makes_a_short_one_line_subject(resident):
    text = "Afgesproken! Henk heeft u gekozen voor:\n" + "Wie helpt mij met de heg en de tuin " * 4
    subject = emails.notification_email(Notification(user=resident, kind=Kind.RESPONSE, text=text)).subject
    assert subject.startswith("[Wij(k) de Ruwaard] Afgesproken! Henk heeft u gekozen voor: Wie helpt")
    assert "\n" not in subject and subject.endswith("…") and len(subject) <= len("[Wij(k) de Ruwaard] ") + 90

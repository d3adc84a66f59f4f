"""Freshness: a reminder with a one-click link at 8 weeks, stale (out of the agenda) at 12 weeks."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.test import Client

from activities.models import Activity
from activities.services import check_freshness
from tests.activities.factories import ActivityFactory
from tests.mail_links import press_after_mail_scanners
from tests.pages import titles_of

AMS = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 1, 5, 9, 0, tzinfo=AMS)


@pytest.fixture
def weekly(db, professional):
    with time_machine.travel(START, tick=False):
        return ActivityFactory(
            title="Koffieochtend",
            owner=professional,
            rrule="FREQ=WEEKLY",
            starts_at=START + timedelta(hours=1),
            confirmed_at=START,
        )


def link_in(message) -> str:
    return re.search(r"http://[^\s]+/agenda/gaat-door/[^\s]+/", message.body).group(0)


def test_no_reminder_before_eight_weeks(weekly, django_capture_on_commit_callbacks):
    with (
        time_machine.travel(START + timedelta(weeks=8) - timedelta(hours=1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert check_freshness() == {"reminded": 0, "stale": 0}
    assert mail.outbox == []


def test_reminder_at_eight_weeks_with_working_one_click_link(
    weekly, professional, django_capture_on_commit_callbacks
):
    at = START + timedelta(weeks=8, hours=1)
    with time_machine.travel(at, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert check_freshness() == {"reminded": 1, "stale": 0}
        assert check_freshness() == {"reminded": 0, "stale": 0}  # one mail only
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [professional.email]
    assert "Koffieochtend" in mail.outbox[0].subject
    path = link_in(mail.outbox[0]).split("127.0.0.1:8000", 1)[-1].split("://", 1)[-1]
    path = path[path.index("/agenda/") :]
    anonymous = Client()
    with time_machine.travel(at + timedelta(weeks=2), tick=False):
        done = anonymous.post(path)  # one button, no login
        weekly.refresh_from_db()
    assert done.status_code == 200 and "blijft in de agenda" in done.content.decode()
    assert weekly.confirmed_at == at + timedelta(weeks=2) and weekly.reminder_sent_at is None
    with time_machine.travel(at + timedelta(weeks=6), tick=False):
        assert check_freshness()["stale"] == 0  # the clock restarted at the confirmation


def test_stale_at_twelve_weeks_and_leaves_the_agenda(weekly, client, django_capture_on_commit_callbacks):
    with (
        time_machine.travel(START + timedelta(weeks=8, hours=1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        check_freshness()
    later = START + timedelta(weeks=12, hours=1)
    with time_machine.travel(later, tick=False):
        assert check_freshness()["stale"] == 1
        weekly.refresh_from_db()
        assert weekly.status == Activity.Status.STALE
        assert "Koffieochtend" not in client.get("/agenda/?wanneer=week").content.decode()
        assert client.get(weekly.get_absolute_url()).status_code == 404
        # the link still brings it back
        path = link_in(mail.outbox[0])
        path = path[path.index("/agenda/") :]
        Client().post(path)
        weekly.refresh_from_db()
        assert weekly.status == Activity.Status.PUBLISHED
        assert "Koffieochtend" in client.get("/agenda/?wanneer=week").content.decode()


def test_tampered_link_is_refused(weekly):
    response = Client().post("/agenda/gaat-door/niet-echt:abc/")
    assert response.status_code == 400 and "werkt niet meer" in response.content.decode()
    assert titles_of(response.content.decode()) == ("Deze link werkt niet meer", "Deze link werkt niet meer")


@pytest.mark.django_db
def test_one_off_and_imported_activities_are_not_reminded(professional):
    with time_machine.travel(START, tick=False):
        ActivityFactory(owner=professional, confirmed_at=START, starts_at=START + timedelta(weeks=20))
    with time_machine.travel(START + timedelta(weeks=13), tick=False):
        assert check_freshness() == {"reminded": 0, "stale": 0}


def test_the_link_confirms_once(weekly, professional):
    from activities.services import confirmation_token

    token = confirmation_token(activity=weekly)
    anonymous = Client()
    with time_machine.travel(START + timedelta(weeks=9), tick=False):
        assert anonymous.post(f"/agenda/gaat-door/{token}/").status_code == 200
    weekly.refresh_from_db()
    first = weekly.confirmed_at
    with time_machine.travel(START + timedelta(weeks=11), tick=False):
        again = anonymous.post(f"/agenda/gaat-door/{token}/")
        assert "blijft in de agenda" in anonymous.get(f"/agenda/gaat-door/{token}/").content.decode()
    weekly.refresh_from_db()
    assert again.status_code == 200 and "blijft in de agenda" in again.content.decode()
    assert titles_of(again.content.decode()) == ("Dank u wel!", "Dank u wel!")
    assert weekly.confirmed_at == first  # a second click does not move the clock on


def test_opening_the_link_changes_nothing_until_the_button_is_pressed(weekly):
    """Mail scanners open links (HEAD and GET): only the POST of the one button confirms."""
    from activities.services import confirmation_token

    token = confirmation_token(activity=weekly)
    url = f"/agenda/gaat-door/{token}/"

    def confirmed_at():
        weekly.refresh_from_db()
        return weekly.confirmed_at

    with time_machine.travel(START + timedelta(weeks=9), tick=False):
        before, after = press_after_mail_scanners(
            Client(), url, button="Ja, het gaat nog door", read=confirmed_at
        )
    assert before == START
    assert after == START + timedelta(weeks=9)

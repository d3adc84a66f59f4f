"""/mijn/agenda/: the dates one goes to, and a private iCal feed at a secret, renewable address."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from icalendar import Calendar

from activities import attendance
from activities.services import cancel_occurrence
from tests.activities.factories import ActivityFactory

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 5, 4, 10, 0, tzinfo=AMS)


@pytest.fixture
def dates(db, professional):
    with time_machine.travel(NOW, tick=False):
        walk = ActivityFactory(
            title="Wandelen", starts_at=datetime(2026, 5, 5, 10, 0, tzinfo=AMS), rrule="FREQ=WEEKLY"
        )
        quiz = ActivityFactory(
            title="Quiz", starts_at=datetime(2026, 5, 7, 20, 0, tzinfo=AMS), owner=professional
        )
        other = ActivityFactory(title="Yoga", starts_at=datetime(2026, 5, 8, 9, 0, tzinfo=AMS))
        yield walk, quiz, other


def feed_path(client):
    page = client.get("/mijn/agenda/").content.decode()
    start = page.index("/mijn/agenda/feed/")
    return page[start : page.index('"', start)]


def test_feed_holds_exactly_the_residents_dates(client_for, dates, resident, other_resident, professional):
    walk, quiz, other = dates
    first_walk, second_walk = walk.occurrences.order_by("start")[:2]
    with time_machine.travel(NOW, tick=False):
        attendance.attend(occurrence=first_walk, user=resident)
        attendance.attend(occurrence=quiz.occurrences.get(), user=resident)
        attendance.attend(occurrence=other.occurrences.get(), user=other_resident)
        cancel_occurrence(occurrence=quiz.occurrences.get(), by=professional, reason="Quizmaster ziek")
        client = client_for(resident)
        page = client.get("/mijn/agenda/").content.decode()
        body = client.get(feed_path(client)).content
    assert "Wandelen" in page and "Quiz" in page and "Yoga" not in page and "webcal://" in page
    cal = Calendar.from_ical(body)
    events = cal.walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events) == ["Quiz (gaat niet door)", "Wandelen"]
    starts = sorted(e.decoded("dtstart").astimezone(AMS) for e in events)
    assert starts == [first_walk.start.astimezone(AMS), quiz.occurrences.get().start.astimezone(AMS)]
    cancelled = next(e for e in events if e["status"] == "CANCELLED")
    assert "Quizmaster ziek" in str(cancelled["description"])
    walk_event = next(e for e in events if str(e["summary"]) == "Wandelen")
    assert f"/agenda/{walk.slug}/" in str(walk_event["description"])
    assert second_walk.start not in starts


def test_renewing_makes_the_old_address_404(client_for, dates, resident):
    client = client_for(resident)
    old = feed_path(client)
    assert client.get(old).status_code == 200
    response = client.post("/mijn/agenda/nieuw-adres/")
    new = feed_path(client)
    assert response.status_code == 302 and new != old
    anonymous = client_for(resident).__class__()
    assert anonymous.get(old).status_code == 404
    assert anonymous.get(new).status_code == 200


def test_own_agenda_needs_login(client):
    assert client.get("/mijn/agenda/")["Location"].startswith("/account/login/")


def test_waiting_list_dates_stay_out_of_the_feed(client_for, dates, resident, other_resident):
    walk, *_ = dates
    walk.max_places = 1
    walk.save()
    with time_machine.travel(NOW, tick=False):
        attendance.attend(occurrence=walk.occurrences.order_by("start").first(), user=other_resident)
        attendance.attend(occurrence=walk.occurrences.order_by("start").first(), user=resident)
        client = client_for(resident)
        page = client.get("/mijn/agenda/").content.decode()
        body = client.get(feed_path(client)).content
    assert "wachtlijst" in page
    assert Calendar.from_ical(body).walk("VEVENT") == []

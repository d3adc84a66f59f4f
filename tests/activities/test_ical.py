"""/agenda/feed.ics and /agenda/<slug>/ical/ parse with icalendar and with vobject; times are aware."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
import vobject
from icalendar import Calendar

from activities.services import cancel_occurrence, move_occurrence
from tests.activities.factories import ActivityFactory

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 3, 20, 9, 0, tzinfo=AMS)  # DST starts on 29 March


@pytest.fixture
def series(db, professional):
    with time_machine.travel(NOW, tick=False):
        activity = ActivityFactory(
            title="Taalcafé",
            starts_at=datetime(2026, 3, 24, 13, 30, tzinfo=AMS),
            rrule="FREQ=WEEKLY;BYDAY=TU",
            owner=professional,
        )
        dates = list(activity.occurrences.order_by("start"))
        cancel_occurrence(occurrence=dates[1], by=professional, reason="Zaal bezet")
        move_occurrence(occurrence=dates[2], by=professional, start=dates[2].start + timedelta(hours=2))
        yield activity


def test_single_activity_ics_parses_with_both_parsers(client, series):
    with time_machine.travel(NOW, tick=False):
        body = client.get(f"/agenda/{series.slug}/ical/").content
    cal = Calendar.from_ical(body)
    master, override = cal.walk("VEVENT")
    start = master.decoded("dtstart")
    assert start.tzinfo is not None and start.utcoffset() == timedelta(hours=1)
    assert str(master["summary"]) == "Taalcafé"
    assert master["rrule"]["FREQ"] == ["WEEKLY"]
    assert cal.walk("VTIMEZONE")[0]["tzid"] == "Europe/Amsterdam"
    assert override.decoded("recurrence-id").astimezone(AMS) == datetime(2026, 4, 7, 13, 30, tzinfo=AMS)
    assert override.decoded("dtstart").astimezone(AMS).hour == 15

    parsed = vobject.readOne(body.decode())
    events = parsed.contents["vevent"]
    first = events[0]
    assert first.dtstart.value.tzinfo is not None
    # vobject expands the series itself: 13:30 local before and after the DST change, the cancelled
    # date (31 March) excluded, the moved date overridden.
    expanded = list(first.getrruleset(addRDate=True))[:4]
    local = [d.astimezone(AMS) for d in expanded]
    assert [d.hour for d in local] == [13, 13, 13, 13]
    assert datetime(2026, 3, 31, 13, 30, tzinfo=AMS) not in local
    assert {d.utcoffset() for d in local} == {timedelta(hours=1), timedelta(hours=2)}


def test_feed_parses_with_both_parsers_and_keeps_filters(client, series, db):
    with time_machine.travel(NOW, tick=False):
        ActivityFactory(title="Bewegen", category="bewegen", starts_at=NOW + timedelta(days=1))
        body = client.get("/agenda/feed.ics?categorie=ontmoeten").content
        bewegen = client.get("/agenda/feed.ics?categorie=bewegen").content
    cal = Calendar.from_ical(body)
    events = cal.walk("VEVENT")
    assert {str(e["summary"]).split(" (")[0] for e in events} == {"Taalcafé"}
    assert all(e.decoded("dtstart").tzinfo is not None for e in events)
    assert any(str(e.get("status")) == "CANCELLED" for e in events)
    parsed = vobject.readOne(body.decode())
    summaries = [e.summary.value for e in parsed.contents["vevent"]]
    assert len(summaries) == len(events) >= 8
    assert all(e.dtstart.value.tzinfo is not None for e in parsed.contents["vevent"])
    assert [str(e["summary"]) for e in Calendar.from_ical(bewegen).walk("VEVENT")] == ["Bewegen"]

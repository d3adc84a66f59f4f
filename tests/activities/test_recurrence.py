"""The schedule engine: occurrences equal dateutil's expansion minus exceptions, across DST changes."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from activities.recurrence import expand
from activities.services import cancel_occurrence, materialise_occurrences, move_occurrence
from tests.activities.factories import ActivityFactory

AMS = ZoneInfo("Europe/Amsterdam")

rules = st.builds(
    lambda freq, interval, byday: f"FREQ={freq};INTERVAL={interval}" + (f";BYDAY={byday}" if byday else ""),
    st.sampled_from(["DAILY", "WEEKLY", "MONTHLY"]),
    st.integers(min_value=1, max_value=3),
    st.sampled_from(["", "MO", "TU,TH", "SA,SU", "FR"]),
)
# Starts around both DST changes of 2026 (29 March, 25 October), at times that include the missing hour.
starts = st.builds(
    lambda base, days, hour, minute: (base + timedelta(days=days)).replace(hour=hour, minute=minute),
    st.sampled_from([datetime(2026, 3, 1), datetime(2026, 10, 1)]),
    st.integers(min_value=0, max_value=45),
    st.integers(min_value=0, max_value=23),
    st.sampled_from([0, 15, 30]),
)


@given(
    rule=rules,
    start=starts,
    skip=st.lists(st.integers(min_value=0, max_value=20), max_size=4),
    window_days=st.integers(min_value=1, max_value=90),
    offset=st.integers(min_value=-10, max_value=30),
)
@settings(max_examples=150, deadline=None)
def test_expansion_equals_dateutil_minus_exceptions(rule, start, skip, window_days, offset):
    aware_start = start.replace(tzinfo=AMS)
    window_start = (aware_start + timedelta(days=offset)).astimezone(UTC)
    window_end = window_start + timedelta(days=window_days)
    # dateutil with an aware start keeps the wall-clock time: the reference expansion.
    reference = list(
        rrulestr(rule, dtstart=aware_start).between(
            window_start.astimezone(AMS) - timedelta(days=2),
            window_end.astimezone(AMS) + timedelta(days=2),
            inc=True,
        )
    )
    all_dates = list(rrulestr(rule, dtstart=aware_start)[:25]) if reference else []
    exceptions = {all_dates[i] for i in skip if i < len(all_dates)}
    expected = sorted(
        d.astimezone(UTC)
        for d in reference
        if d not in exceptions and window_start <= d.astimezone(UTC) < window_end
    )
    exdates = [d.replace(tzinfo=None).isoformat(timespec="minutes") for d in exceptions]
    got = expand(
        starts_at=aware_start, rule=rule, exdates=exdates, window_start=window_start, window_end=window_end
    )
    assert [d.astimezone(UTC) for d in got] == expected
    # Wall-clock time stays the same on both sides of a DST change (except in the missing hour).
    if start.hour != 2:
        assert {(d.astimezone(AMS).hour, d.astimezone(AMS).minute) for d in got} <= {
            (start.hour, start.minute)
        }


def test_weekly_walk_in_keeps_local_time_across_dst():
    start = datetime(2026, 3, 24, 10, 0, tzinfo=AMS)  # Tuesday, before summer time
    got = expand(
        starts_at=start,
        rule="FREQ=WEEKLY;BYDAY=TU",
        window_start=start,
        window_end=start + timedelta(days=14),
    )
    assert [d.astimezone(AMS).hour for d in got] == [10, 10]
    assert [d.astimezone(UTC).hour for d in got] == [9, 8]


@pytest.mark.django_db
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rule=rules, start=starts)
def test_materialised_rows_equal_the_expansion(rule, start):
    activity = ActivityFactory(starts_at=start.replace(tzinfo=AMS), rrule=rule, materialise=False)
    window_start = start.replace(tzinfo=AMS) - timedelta(days=1)
    window_end = window_start + timedelta(days=60)
    materialise_occurrences(activity=activity, start=window_start, end=window_end)
    materialise_occurrences(activity=activity, start=window_start, end=window_end)  # idempotent
    rows = sorted(activity.occurrences.values_list("start", flat=True))
    expected = expand(
        starts_at=activity.starts_at, rule=rule, window_start=window_start, window_end=window_end
    )
    # Compare instants in UTC: an inter-zone comparison of a local time that does not exist (the hour
    # skipped at the start of summer time) is never equal in Python, even for the same instant.
    assert [r.astimezone(UTC) for r in rows] == sorted(e.astimezone(UTC) for e in expected)
    activity.delete()


@pytest.mark.django_db
def test_cancelled_date_shows_as_cancelled_with_reason(client, professional):
    activity = ActivityFactory(rrule="FREQ=WEEKLY", owner=professional)
    first = activity.occurrences.order_by("start").first()
    cancel_occurrence(occurrence=first, by=professional, reason="Vandaag geen inloop, de zaal is dicht")
    materialise_occurrences(activity=activity)  # refilling the window keeps the cancellation
    first.refresh_from_db()
    assert first.is_cancelled
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "Gaat niet door" in html and "Vandaag geen inloop, de zaal is dicht" in html


@pytest.mark.django_db
def test_moved_date_shows_at_its_new_time(client, professional):
    activity = ActivityFactory(rrule="FREQ=WEEKLY", owner=professional)
    second = activity.occurrences.order_by("start")[1]
    new_start = second.start.astimezone(AMS).replace(hour=15, minute=45)
    move_occurrence(occurrence=second, by=professional, start=new_start, reason="Later door de markt")
    materialise_occurrences(activity=activity)
    second.refresh_from_db()
    assert second.start == new_start and second.is_moved
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "15:45" in html and "Later door de markt" in html
    was = second.original_start.astimezone(AMS).strftime("%H:%M")
    assert f"Verplaatst, was {was} uur" in html  # the same day, another time
    third = activity.occurrences.order_by("start")[2]
    day_before = third.start - timedelta(days=1)
    move_occurrence(occurrence=third, by=professional, start=day_before, reason="")
    html = client.get(activity.get_absolute_url()).content.decode()
    weekday = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    original = third.original_start.astimezone(AMS)
    assert f"Verplaatst, was {weekday[original.weekday()]} {original.day} " in html
    # a later end only: moved, without naming the same start as where it was
    fourth = activity.occurrences.order_by("start")[3]
    move_occurrence(occurrence=fourth, by=professional, start=fourth.start, reason="Langer open")
    fourth.refresh_from_db()
    assert fourth.start == fourth.original_start
    tag = (
        client.get(activity.get_absolute_url())
        .content.decode()
        .split("Langer open", 1)[0]
        .rsplit("tag--warning", 1)[1]
    )
    assert "Verplaatst" in tag and "was" not in tag

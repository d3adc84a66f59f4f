"""The demo agenda is a full week of the district, and its walk-in hours cover the main organisations."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from activities.models import Activity, Location
from tests.activities.test_agenda import titles
from tests.activities.test_walk_ins import assert_main_walk_ins_shown_on_monday_morning

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.django_db
def test_demo_week_lists_at_least_ten_distinct_activities(client):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # idempotent
    assert Activity.objects.count() >= 48
    assert Activity.objects.filter(kind=Activity.Kind.WALK_IN).count() >= 8
    assert Activity.objects.filter(kind=Activity.Kind.ACTIVITY).count() >= 40
    response = client.get("/agenda/?wanneer=week")
    assert len(titles(response)) >= 10
    home = client.get("/").content.decode()
    assert "Vandaag in de wijk" in home and "Nu open" in home
    # Every demo place is on the map, in Ruwaard (Oss); one meal has places and takes guests.
    assert not Location.objects.filter(latitude__isnull=True).exists()
    for location in Location.objects.all():
        assert 51.74 < location.latitude < 51.77 and 5.52 < location.longitude < 5.55
    assert Activity.objects.filter(max_places__isnull=False, guests_may_sign_up=True).exists()
    # Demo residents said "ik kom" to the next meal once, though the demo was loaded twice.
    meal = Activity.objects.get(slug="samen-eten").occurrences.upcoming().order_by("start").first()
    assert sorted(meal.attendances.values_list("user__email", flat=True)) == [
        "bewoner@example.org",
        "lid@example.org",
        "vrijwilliger@example.org",
    ]


@pytest.mark.django_db
def test_demo_walk_ins_cover_the_main_organisations(client):
    monday_morning = datetime(2026, 6, 8, 10, 0, tzinfo=AMS)
    with time_machine.travel(monday_morning, tick=False):
        call_command("load_demo", stdout=StringIO())
        assert_main_walk_ins_shown_on_monday_morning(client)


@pytest.mark.django_db
def test_demo_series_have_run_for_a_quarter_so_the_impact_page_has_dates_held():
    from activities.selectors import impact_counts
    from home.impact import bounds, named_period

    december = datetime(2026, 12, 4, 9, 0, tzinfo=AMS)
    with time_machine.travel(december, tick=False):
        call_command("load_demo", stdout=StringIO())
        call_command("load_demo", stdout=StringIO())  # idempotent: no date twice
        start, end = bounds(named_period("kwartaal", today=december.date()))
        counts = impact_counts(start=start, end=end, now=december)
    assert counts["activity_dates"] >= 100 and counts["walk_in_dates"] >= 50
    koor = Activity.objects.exclude(rrule="").order_by("slug").first()
    starts = [o.start.astimezone(AMS) for o in koor.occurrences.order_by("start")]
    assert starts[0].date() <= datetime(2026, 9, 10).date()  # from the first week of September on
    assert len({(s.hour, s.minute) for s in starts}) == 1  # the same time of day in summer and winter
    assert len(starts) == len(set(starts))
    # A series every other week keeps its date of this week, from yesterday on (as for the weekly ones):
    # the history is a whole number of fortnights.
    yesterday = datetime(2026, 12, 3, 0, 0, tzinfo=AMS)
    for activity in Activity.objects.filter(rrule__contains="INTERVAL=2"):
        first = activity.occurrences.filter(start__gte=yesterday).order_by("start").first().start
        assert (first.astimezone(AMS).date() - yesterday.date()).days < 7, activity.slug

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

from datetime import timedelta

import factory
from django.utils import timezone
from icalendar import Calendar, Event

from activities.models import Activity, Location
from activities.services import materialise_occurrences


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    name = factory.Sequence(lambda n: f"Locatie {n}")
    slug = factory.Sequence(lambda n: f"locatie-{n}")
    is_accessible = True


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Activiteit {n}")
    slug = factory.Sequence(lambda n: f"activiteit-{n}")
    summary = "Samen iets leuks doen."
    category = "ontmoeten"
    audiences = factory.LazyFunction(lambda: ["iedereen"])
    location = factory.SubFactory(LocationFactory)
    status = Activity.Status.PUBLISHED
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(hours=2))
    duration = timedelta(hours=2)

    @factory.post_generation
    def materialise(self, create, extracted, **kwargs):
        if create and extracted is not False:
            materialise_occurrences(activity=self)


def walk_in(**kwargs):
    kwargs.setdefault("kind", Activity.Kind.WALK_IN)
    kwargs.setdefault("topic", "Geldzaken")
    kwargs.setdefault("rrule", "FREQ=DAILY")
    return ActivityFactory(**kwargs)


def calendar(*events, wr_timezone: str = "") -> bytes:
    """An iCal feed of these events (each a dict of properties)."""
    cal = Calendar()
    cal.add("prodid", "-//Test//NL")
    cal.add("version", "2.0")
    if wr_timezone:
        cal.add("x-wr-timezone", wr_timezone)
    for data in events:
        event = Event()
        for key, value in data.items():
            event.add(key, value)
        cal.add_component(event)
    return cal.to_ical()

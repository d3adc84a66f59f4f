"""The number of queries per page does not grow with the number of activities."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from activities.models import Activity, Occurrence
from tests.activities.factories import ActivityFactory, LocationFactory
from tests.factories import OrganisationFactory


def make(n: int):
    location, organisation = LocationFactory(), OrganisationFactory()
    for i in range(n):
        ActivityFactory(
            starts_at=timezone.now() + timedelta(hours=1 + i * 3),
            location=location,
            organisation=organisation,
            kind=Activity.Kind.WALK_IN if i % 3 == 0 else "activity",
            topic="Geldzaken",
            rrule="FREQ=WEEKLY" if i % 2 else "",
        )


def count_queries(client, path) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/agenda/?wanneer=week",
        "/inloopspreekuren/",
        "/",
        "/agenda/feed.ics",
        "/agenda/afdrukken/",
        "/agenda/kaart/?wanneer=week",
        "/inloopspreekuren/kaart/",
        "/agenda/insluiten/",
        "/sitemap.xml",
    ],
)
def test_query_count_does_not_grow_with_activities(client, path, django_assert_max_num_queries):
    make(3)
    client.get(path)  # warm Wagtail's site cache
    few = count_queries(client, path)
    make(40)
    many = count_queries(client, path)
    assert many == few
    # The home page also shows asks and offers and stories; the sitemap also holds Wagtail's pages and
    # the organisations; their caps cover all sections.
    with django_assert_max_num_queries({"/": 14, "/sitemap.xml": 12}.get(path, 8)):
        client.get(path)


@pytest.mark.django_db
def test_own_agenda_and_its_feed_do_not_grow_with_dates(client_for, resident):
    from activities import attendance

    def attend(n):
        make(n)
        for occurrence in Occurrence.objects.filter(activity__kind="activity").exclude(
            attendances__user=resident
        ):
            attendance.attend(occurrence=occurrence, user=resident)

    client = client_for(resident)
    attend(3)
    feed = attendance.personal_feed(user=resident)
    paths = ["/mijn/agenda/", f"/mijn/agenda/feed/{feed.token}.ics"]
    few = [count_queries(client, path) for path in paths]
    attend(20)
    assert [count_queries(client, path) for path in paths] == few

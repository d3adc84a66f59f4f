"""iCal import from a feed served by a local http.server: in place, never duplicated, removals leave."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from activities.models import Activity, ICalFeed, Occurrence
from activities.services import import_ical_feed
from tests.activities.factories import calendar
from tests.factories import OrganisationFactory

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=AMS)


WEEKLY = {
    "uid": "yoga-1@example.org",
    "summary": "Yoga",
    "dtstart": datetime(2026, 6, 2, 10, 0, tzinfo=AMS),
    "dtend": datetime(2026, 6, 2, 11, 0, tzinfo=AMS),
    "rrule": {"FREQ": "WEEKLY", "COUNT": 6},
    "exdate": datetime(2026, 6, 9, 10, 0, tzinfo=AMS),
    "location": "Ons Huis van de Wijk",
}
ONCE = {
    "uid": "lezing@example.org",
    "summary": "Lezing",
    "dtstart": datetime(2026, 6, 5, 19, 0, tzinfo=AMS),
    "dtend": datetime(2026, 6, 5, 21, 0, tzinfo=AMS),
    "description": "Over gezond eten.",
}


@pytest.mark.django_db
def test_importing_the_same_feed_twice_creates_nothing_new(feed_server, client):
    feed_server["body"] = calendar(WEEKLY, ONCE)
    feed = ICalFeed.objects.create(organisation=OrganisationFactory(), url=feed_server["url"])
    with time_machine.travel(NOW, tick=False):
        first = import_ical_feed(feed=feed)
        counts = (Activity.objects.count(), Occurrence.objects.count())
        second = import_ical_feed(feed=feed)
        assert (Activity.objects.count(), Occurrence.objects.count()) == counts == (2, 6)
        html = client.get("/agenda/?wanneer=2026-06-02").content.decode()
    assert first["created"] == 2 and second == {"created": 0, "updated": 2, "removed": 0, "failed": 0}
    yoga = Activity.objects.get(import_uid="yoga-1@example.org")
    assert (
        yoga.is_imported
        and yoga.status == Activity.Status.PUBLISHED
        and yoga.organisation == feed.organisation
    )
    starts = [o.start.astimezone(AMS) for o in yoga.occurrences.order_by("start")]
    assert datetime(2026, 6, 9, 10, 0, tzinfo=AMS) not in starts  # EXDATE
    assert len(starts) == 5 and {s.hour for s in starts} == {10}
    assert "Yoga" in html
    assert "Overgenomen uit de agenda" in client.get(yoga.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_changed_event_updates_in_place_and_removed_event_leaves_the_agenda(feed_server, client):
    feed_server["body"] = calendar(WEEKLY, ONCE)
    feed = ICalFeed.objects.create(organisation=OrganisationFactory(), url=feed_server["url"])
    with time_machine.travel(NOW, tick=False):
        import_ical_feed(feed=feed)
        yoga_pk = Activity.objects.get(import_uid="yoga-1@example.org").pk
        changed = dict(
            WEEKLY,
            summary="Yoga op de stoel",
            dtstart=datetime(2026, 6, 2, 14, 0, tzinfo=AMS),
            dtend=datetime(2026, 6, 2, 15, 0, tzinfo=AMS),
        )
        feed_server["body"] = calendar(changed)
        result = import_ical_feed(feed=feed)
        html = client.get("/agenda/?wanneer=week").content.decode()
    yoga = Activity.objects.get(pk=yoga_pk)
    assert result["removed"] == 1 and Activity.objects.count() == 2
    assert yoga.title == "Yoga op de stoel"
    assert {o.start.astimezone(AMS).hour for o in yoga.occurrences.all()} == {14}
    assert yoga.occurrences.count() == 6  # the 10:00 EXDATE no longer matches a 14:00 series
    assert Activity.objects.get(import_uid="lezing@example.org").status == Activity.Status.CANCELLED
    assert "Lezing" not in html and "Yoga op de stoel" in html


@pytest.mark.django_db
def test_broken_feed_is_recorded_and_changes_nothing(feed_server):
    feed_server["body"] = b"this is not a calendar"
    feed = ICalFeed.objects.create(organisation=OrganisationFactory(), url=feed_server["url"])
    assert import_ical_feed(feed=feed)["failed"] == 1
    feed.refresh_from_db()
    assert feed.last_error.startswith("Op dit adres staat geen agenda-bestand (iCal).")
    assert not Activity.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "told"),
    [
        (404, "Op dit adres staat geen agenda (meer)."),
        (403, "Deze agenda is afgeschermd."),
        (500, "De website van de agenda gaf een fout (500)."),
        (None, "Dit adres bestaat niet of is niet bereikbaar."),
    ],
)
def test_a_feed_that_cannot_be_read_says_why_in_words_a_professional_can_act_on(feed_server, status, told):
    url = feed_server["url"]
    if status is None:  # a port where nothing listens
        import socket

        with socket.socket() as closed:
            closed.bind(("127.0.0.1", 0))
            url = f"http://127.0.0.1:{closed.getsockname()[1]}/agenda.ics"
    else:
        feed_server["status"] = status
    feed = ICalFeed.objects.create(organisation=OrganisationFactory(), url=url)
    import_ical_feed(feed=feed)
    feed.refresh_from_db()
    assert feed.last_error.startswith(told)
    assert "urlopen" not in feed.last_error and "Error" not in feed.last_error


@pytest.mark.django_db
def test_cron_command_imports_active_feeds(feed_server):
    feed_server["body"] = calendar(ONCE)
    ICalFeed.objects.create(organisation=OrganisationFactory(), url=feed_server["url"])
    with time_machine.travel(NOW, tick=False):
        call_command("activities_cron", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Activity.objects.filter(import_uid="lezing@example.org", status="published").exists()
    assert Occurrence.objects.filter(activity__import_uid="lezing@example.org").count() == 1


@pytest.mark.django_db
def test_imported_descriptions_carry_no_markup_or_script(feed_server, client):
    event = dict(
        ONCE,
        summary="Lezing <i>gezond</i>",
        description="<p>Over <b>gezond</b> eten.</p><script>alert('x')</script><br>Neem een vriend mee.",
        location="<b>Ons Huis</b>",
    )
    feed_server["body"] = calendar(event)
    feed = ICalFeed.objects.create(organisation=OrganisationFactory(), url=feed_server["url"])
    with time_machine.travel(NOW, tick=False):
        assert import_ical_feed(feed=feed)["created"] == 1
        activity = Activity.objects.get(import_uid="lezing@example.org")
        html = client.get(activity.get_absolute_url()).content.decode()
    assert activity.title == "Lezing gezond" and activity.location.name == "Ons Huis"
    assert activity.description == "Over gezond eten.\n\nNeem een vriend mee."
    assert activity.summary == "Over gezond eten."
    main = html.split("<main", 1)[1]
    assert "alert(" not in main and "&lt;b&gt;" not in main and "&lt;script" not in main
    assert "Over gezond eten." in main


def test_a_feed_that_is_not_http_is_refused_with_a_dutch_message():
    from activities.services import fetch_feed
    from core.exceptions import ApplicationError

    with pytest.raises(ApplicationError) as refused:
        fetch_feed("file:///etc/passwd")
    assert refused.value.field == "url" and "https://" in refused.value.message

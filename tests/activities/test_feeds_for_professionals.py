"""A professional sets up, tests and runs the iCal import of their own organisation (and no other);
imported events leave cost and sign-up unknown; RDATE, X-WR-TIMEZONE and conditional GET are handled."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from activities.models import Activity, ICalFeed
from activities.services import import_ical_feed
from tests.activities.factories import calendar
from tests.factories import MembershipFactory, OrganisationFactory

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=AMS)


@pytest.fixture
def feed_server(feed_server):
    """The organisations' feeds answer conditional GETs."""
    feed_server["etag"] = '"v1"'
    return feed_server


SPREEKUUR = {
    "uid": "spreekuur@example.org",
    "summary": "Spreekuur",
    "dtstart": datetime(2026, 6, 2, 10, 0, tzinfo=AMS),
    "dtend": datetime(2026, 6, 2, 11, 0, tzinfo=AMS),
}


@pytest.fixture
def teams(db):
    mine, other = MembershipFactory(), MembershipFactory()
    return mine, other


def test_professional_sets_up_tests_and_imports_for_own_organisation(
    client_for, teams, feed_server, django_capture_on_commit_callbacks
):
    mine, _other = teams
    feed_server["body"] = calendar(SPREEKUUR)
    client = client_for(mine.user)
    page = client.get("/agenda/importeren/").content.decode()
    assert mine.organisation.name in page and _other.organisation.name not in page
    response = client.post(
        "/agenda/importeren/",
        {"organisation": mine.organisation.pk, "url": feed_server["url"], "category": "gezondheid"},
    )
    feed = ICalFeed.objects.get(organisation=mine.organisation)
    assert response["Location"] == f"/agenda/importeren/{feed.pk}/"
    told = client.get(response["Location"]).content.decode()
    assert "De agenda werkt: we vonden 1 activiteit. We zetten die nu in de agenda." in told

    tested = client.post(f"/agenda/importeren/{feed.pk}/", {"actie": "testen"}).content.decode()
    assert "1 activiteit gevonden" in tested and "Spreekuur" in tested
    assert not Activity.objects.exists()  # a test changes nothing

    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        client.post(f"/agenda/importeren/{feed.pk}/", {"actie": "importeren"})  # tasks run in place in tests
    imported = Activity.objects.get(feed=feed)
    assert imported.title == "Spreekuur" and imported.category == "gezondheid"
    page = client.get(f"/agenda/importeren/{feed.pk}/").content.decode()
    assert "1 nieuw, 0 bijgewerkt, 0 verdwenen" in page


def test_an_address_that_does_not_work_is_not_stored(client_for, teams, feed_server):
    mine, _other = teams
    feed_server["body"] = b"<html>Onze agenda</html>"  # the web page, not the calendar file
    response = client_for(mine.user).post(
        "/agenda/importeren/",
        {"organisation": mine.organisation.pk, "url": feed_server["url"], "category": "gezondheid"},
    )
    assert response.status_code == 400 and not ICalFeed.objects.exists()
    page = response.content.decode()
    assert "Op dit adres staat geen agenda-bestand (iCal)." in page
    assert feed_server["url"] in page  # the address stays in the form, to correct


def test_professional_cannot_set_up_or_run_another_organisations_feed(client_for, teams, feed_server):
    mine, other = teams
    client = client_for(mine.user)
    response = client.post(
        "/agenda/importeren/",
        {"organisation": other.organisation.pk, "url": feed_server["url"], "category": "eten"},
    )
    assert response.status_code == 400 and not ICalFeed.objects.exists()
    theirs = ICalFeed.objects.create(organisation=other.organisation, url=feed_server["url"])
    for action in ("testen", "importeren", "uit"):
        assert client.post(f"/agenda/importeren/{theirs.pk}/", {"actie": action}).status_code == 403
    assert client.get(f"/agenda/importeren/{theirs.pk}/").status_code == 403
    assert feed_server["requests"] == [] and not Activity.objects.exists()
    theirs.refresh_from_db()
    assert theirs.is_active


def test_resident_without_organisation_cannot_set_up_a_feed(client_for, resident, feed_server):
    organisation = OrganisationFactory()
    response = client_for(resident).post(
        "/agenda/importeren/",
        {"organisation": organisation.pk, "url": feed_server["url"], "category": "eten"},
    )
    assert response.status_code == 400 and not ICalFeed.objects.exists()


def test_imported_cost_and_registration_stay_unknown(client, db, feed_server):
    feed_server["body"] = calendar(SPREEKUUR)
    feed = ICalFeed.objects.create(organisation=OrganisationFactory(), url=feed_server["url"])
    with time_machine.travel(NOW, tick=False):
        import_ical_feed(feed=feed)
        html = client.get(Activity.objects.get().get_absolute_url()).content.decode()
    main = html.split("<main", 1)[1]
    assert "Gratis" not in main and "Aanmelden is niet nodig" not in main
    assert "Niet bekend: vraag het de organisatie" in main
    with time_machine.travel(NOW, tick=False):
        free = client.get("/agenda/?gratis=ja&wanneer=2026-06-02").content.decode()
    assert "Spreekuur" not in free


def test_rdate_adds_dates_outside_the_rule(db, feed_server):
    feed_server["body"] = calendar(
        {
            **SPREEKUUR,
            "rdate": [datetime(2026, 6, 4, 10, 0, tzinfo=AMS), datetime(2026, 6, 9, 10, 0, tzinfo=AMS)],
        }
    )
    feed = ICalFeed.objects.create(organisation=OrganisationFactory(), url=feed_server["url"])
    with time_machine.travel(NOW, tick=False):
        import_ical_feed(feed=feed)
    starts = [o.start.astimezone(AMS).day for o in Activity.objects.get().occurrences.order_by("start")]
    assert starts == [2, 4, 9]


def test_google_x_wr_timezone_places_floating_times(db, feed_server):
    floating = {
        "uid": "google@example.org",
        "summary": "Buurtsoep",
        "dtstart": datetime(2026, 6, 3, 12, 0),  # no zone: Google means X-WR-TIMEZONE
        "dtend": datetime(2026, 6, 3, 13, 0),
    }
    feed_server["body"] = calendar(floating, wr_timezone="Europe/London")
    feed = ICalFeed.objects.create(organisation=OrganisationFactory(), url=feed_server["url"])
    with time_machine.travel(NOW, tick=False):
        import_ical_feed(feed=feed)
    start = Activity.objects.get().occurrences.get().start
    assert start.astimezone(UTC) == datetime(2026, 6, 3, 11, 0, tzinfo=UTC)


def test_unchanged_feed_is_not_downloaded_again(db, feed_server):
    feed_server["body"] = calendar(SPREEKUUR)
    feed = ICalFeed.objects.create(organisation=OrganisationFactory(), url=feed_server["url"])
    with time_machine.travel(NOW, tick=False):
        assert import_ical_feed(feed=feed)["created"] == 1
        second = import_ical_feed(feed=feed)
    assert second["unchanged"] == 1 and feed_server["requests"][-1]["If-None-Match"] == '"v1"'
    feed.refresh_from_db()
    assert feed.last_result["unchanged"] == 1 and Activity.objects.count() == 1


def test_cancel_reason_of_an_imported_date_reaches_the_page(client, db, feed_server):
    cancelled = {
        "uid": "spreekuur@example.org",
        "summary": "Spreekuur",
        "recurrence-id": datetime(2026, 6, 9, 10, 0, tzinfo=AMS),
        "dtstart": datetime(2026, 6, 9, 10, 0, tzinfo=AMS),
        "dtend": datetime(2026, 6, 9, 11, 0, tzinfo=AMS),
        "status": "CANCELLED",
        "description": "Vandaag geen inloop",
    }
    feed_server["body"] = calendar({**SPREEKUUR, "rrule": {"FREQ": "WEEKLY", "COUNT": 3}}, cancelled)
    feed = ICalFeed.objects.create(organisation=OrganisationFactory(), url=feed_server["url"])
    with time_machine.travel(NOW, tick=False):
        import_ical_feed(feed=feed)
        activity = Activity.objects.get()
        html = client.get(activity.get_absolute_url()).content.decode()
        body = client.get("/agenda/feed.ics?wanneer=2026-06-09").content.decode()
    assert "Vandaag geen inloop" in html
    assert "Vandaag geen inloop" in body.replace("\r\n ", "")


def test_the_embed_steps_say_whom_to_mail_and_show_both_lines_to_copy(client_for, teams):
    mine, _other = teams
    page = client_for(mine.user).get("/agenda/importeren/").content.decode()
    steps = page.split('id="embed-title"', 1)[1]
    assert 'href="mailto:info@wijkderuwaard.nl?subject=Agenda%20op%20onze%20website"' in steps
    slug = mine.organisation.slug
    assert f'<textarea id="embed-{slug}" rows="3" readonly>&lt;script' in steps
    assert f'<textarea id="embed-frame-{slug}" rows="3" readonly>&lt;iframe' in steps
    assert f'/agenda/insluiten/?organisatie={slug}">Zo ziet het eruit</a>' in steps


def test_a_webcal_address_is_read_as_https():
    from activities.import_views import CalendarAddressField

    assert CalendarAddressField(assume_scheme="https").clean(
        "webcal://p01-caldav.example.com/agenda.ics"
    ) == ("https://p01-caldav.example.com/agenda.ics")


def test_an_empty_agenda_is_added_and_says_so(client_for, teams, feed_server):
    mine, _other = teams
    feed_server["body"] = calendar()
    client = client_for(mine.user)
    response = client.post(
        "/agenda/importeren/",
        {"organisation": mine.organisation.pk, "url": feed_server["url"], "category": "gezondheid"},
        follow=True,
    )
    assert "De agenda werkt, maar er staat nu niets in." in response.content.decode()
    again = client.post(
        "/agenda/importeren/",
        {"organisation": mine.organisation.pk, "url": feed_server["url"], "category": "gezondheid"},
    )
    assert again.status_code == 400 and "Deze agenda is al ingesteld." in again.content.decode()
    assert ICalFeed.objects.filter(organisation=mine.organisation).count() == 1

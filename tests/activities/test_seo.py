"""Found by search engines: schema.org Event JSON-LD, Open Graph, /sitemap.xml and /robots.txt; and the
add-to-calendar links of every activity page."""

import json
import re
from datetime import datetime
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pytest
import time_machine

from activities.services import cancel_occurrence
from tests.activities.factories import ActivityFactory, LocationFactory
from tests.factories import OrganisationFactory

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 5, 4, 10, 0, tzinfo=AMS)
LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def activity(db, professional, settings):
    settings.SITE_URL = "https://wijk.example"
    with time_machine.travel(NOW, tick=False):
        yield ActivityFactory(
            title="Taalcafé </script><script>alert(1)</script>",
            starts_at=datetime(2026, 5, 5, 13, 30, tzinfo=AMS),
            rrule="FREQ=WEEKLY;COUNT=3",
            organisation=OrganisationFactory(name="ONS Welzijn", slug="ons-welzijn"),
            location=LocationFactory(
                name="Ons Huis van de Wijk",
                address="Kruisstraat 19",
                latitude=Decimal("51.757100"),
                longitude=Decimal("5.531200"),
            ),
            cost=Decimal("2.50"),
            owner=professional,
        )


def events_on(client, activity) -> tuple[list[dict], str]:
    with time_machine.travel(NOW, tick=False):
        html = client.get(activity.get_absolute_url()).content.decode()
    blocks = LD.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0]), html


def test_json_ld_is_a_schema_org_event_per_date(client, activity, professional):
    with time_machine.travel(NOW, tick=False):
        cancel_occurrence(
            occurrence=activity.occurrences.order_by("start")[1], by=professional, reason="Zaal bezet"
        )
    events, html = events_on(client, activity)
    assert [e["@type"] for e in events] == ["Event"] * 3
    first, second = events[0], events[1]
    assert first["@context"] == "https://schema.org"
    assert datetime.fromisoformat(first["startDate"]) == datetime(2026, 5, 5, 13, 30, tzinfo=AMS)
    assert datetime.fromisoformat(first["endDate"]) > datetime.fromisoformat(first["startDate"])
    assert first["eventStatus"] == "https://schema.org/EventScheduled"
    assert second["eventStatus"] == "https://schema.org/EventCancelled"
    place = first["location"]
    assert place["@type"] == "Place" and place["address"]["streetAddress"] == "Kruisstraat 19"
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 51.7571, "longitude": 5.5312}
    assert first["organizer"]["name"] == "ONS Welzijn"
    assert first["organizer"]["url"] == "https://wijk.example/organisaties/ons-welzijn/"
    assert first["isAccessibleForFree"] is False and first["offers"]["price"] == "2.50"
    assert first["url"] == f"https://wijk.example/agenda/{activity.slug}/"


def test_json_ld_cannot_break_out_of_its_script_element(client, activity):
    events, html = events_on(client, activity)
    block = LD.findall(html)[0]
    assert "</script" not in block and "\\u003C/script\\u003E" in block
    assert events[0]["name"].startswith("Taalcafé </script>")


def test_csp_keeps_forbidding_inline_scripts_and_the_data_block_is_not_one(client, activity):
    with time_machine.travel(NOW, tick=False):
        response = client.get(activity.get_absolute_url())
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    # Every script element on the page either loads a file or is a JSON-LD data block (never executed).
    scripts = re.findall(r"<script([^>]*)>", response.content.decode())
    assert all("src=" in attrs or 'type="application/ld+json"' in attrs for attrs in scripts)


def test_unknown_cost_makes_no_claim(client, activity):
    activity.cost, activity.cost_known = None, False
    activity.save()
    events, html = events_on(client, activity)
    assert "isAccessibleForFree" not in events[0] and "offers" not in events[0]
    assert "Gratis" not in html.split("<main", 1)[1]


def test_open_graph_tags(client, activity):
    _events, html = events_on(client, activity)
    assert f'<meta property="og:url" content="https://wijk.example/agenda/{activity.slug}/">' in html
    assert '<meta property="og:type" content="website">' in html


def test_calendar_links_carry_the_absolute_address(client, activity):
    _events, html = events_on(client, activity)
    google = re.search(r'href="(https://calendar\.google\.com/[^"]+)"', html).group(1).replace("&amp;", "&")
    query = parse_qs(urlsplit(google).query)
    assert query["dates"] == ["20260505T113000Z/20260505T133000Z"]
    assert f"https://wijk.example/agenda/{activity.slug}/" in query["details"][0]
    outlook = re.search(r'href="(https://outlook\.live\.com/[^"]+)"', html).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(outlook).query)["startdt"] == ["2026-05-05T13:30:00+02:00"]
    assert f'href="webcal://wijk.example/agenda/{activity.slug}/ical/"' in html
    assert 'href="webcal://wijk.example/agenda/feed.ics"' in html


def test_activity_ics_names_the_cancel_reason_and_the_address(client, activity, professional):
    from icalendar import Calendar

    with time_machine.travel(NOW, tick=False):
        cancel_occurrence(
            occurrence=activity.occurrences.order_by("start")[1], by=professional, reason="Zaal bezet"
        )
        body = client.get(f"/agenda/{activity.slug}/ical/").content
    master = Calendar.from_ical(body).walk("VEVENT")[0]
    description = str(master["description"])
    assert "Zaal bezet" in description and "dinsdag 12 mei" in description.lower()
    assert f"https://wijk.example/agenda/{activity.slug}/" in description


def test_sitemap_lists_agenda_story_and_organisation_pages(client, activity, db):
    from tests.stories.factories import make_story

    story = make_story(with_image=False)
    with time_machine.travel(NOW, tick=False):
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 — our own response
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    assert f"https://wijk.example/agenda/{activity.slug}/" in locations
    assert "https://wijk.example/agenda/" in locations
    assert "https://wijk.example/organisaties/ons-welzijn/" in locations
    assert any(loc.endswith(f"/verhalen/{story.slug}/") for loc in locations)


def test_sitemap_leaves_out_what_is_not_published(client, activity):
    activity.status = "draft"
    activity.save()
    assert f"/agenda/{activity.slug}/" not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_names_the_sitemap(client, settings):
    settings.SITE_URL = "https://wijk.example"
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://wijk.example/sitemap.xml" in body and "Disallow: /mijn/" in body


def test_open_graph_image_is_an_absolute_jpeg(client, activity):
    from tests.stories.factories import ImageFactory

    activity.image = ImageFactory()
    activity.image_alt = "Mensen aan een lange tafel"
    activity.save()
    _events, html = events_on(client, activity)
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image.startswith("https://wijk.example/") and image.endswith(".jpg")
    assert '<meta property="og:image:alt" content="Mensen aan een lange tafel">' in html


def test_the_town_is_named_once_in_a_place():
    from activities.models import Location

    assert Location(name="Huis van de Wijk", address="Kastanjelaan 2, Oss").in_oss(
        "Huis van de Wijk", "Kastanjelaan 2, Oss"
    ) == ("Huis van de Wijk, Kastanjelaan 2, Oss")
    assert (
        Location(name="Wijkpunt", address="Ruwaardlaan 1").in_oss("Wijkpunt", "Ruwaardlaan 1")
        == "Wijkpunt, Ruwaardlaan 1, Oss"
    )
    assert Location(name="Park", address="").in_oss("Park", "") == "Park, Oss"
    assert Location(address="Osseweg 3").in_oss("Osseweg 3") == "Osseweg 3, Oss"  # a street is no town

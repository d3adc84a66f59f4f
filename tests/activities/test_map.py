"""The map: a marker for every place with coordinates, and the same places as a list without JavaScript."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from activities.models import Location
from tests.activities.factories import ActivityFactory, LocationFactory, walk_in
from tests.pages import titles_of


@pytest.fixture
def places(db):
    soon = timezone.now() + timedelta(hours=3)
    huis = LocationFactory(
        name="Ons Huis van de Wijk", latitude=Decimal("51.757100"), longitude=Decimal("5.531200")
    )
    iemhof = LocationFactory(name="D'n Iemhof", latitude=Decimal("51.754800"), longitude=Decimal("5.537900"))
    unknown = LocationFactory(name="Bij de bakker")
    ActivityFactory(title="Koffie", location=huis, starts_at=soon)
    ActivityFactory(title="Biljart", location=iemhof, starts_at=soon)
    ActivityFactory(title="Brood delen", location=unknown, starts_at=soon)
    walk_in(title="Geldzaken-inloop", location=huis, starts_at=soon - timedelta(days=1))
    return huis, iemhof, unknown


def markers(html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'data-lat="([^"]+)" data-lng="([^"]+)" data-name="([^"]+)"', html)


def test_agenda_map_has_a_marker_per_place_with_coordinates_and_lists_every_place(client, places):
    html = client.get("/agenda/kaart/").content.decode()
    assert titles_of(html) == ("Agenda op de kaart", "Agenda op de kaart")
    assert sorted(markers(html)) == [
        ("51.754800", "5.537900", "D&#x27;n Iemhof"),
        ("51.757100", "5.531200", "Ons Huis van de Wijk"),
    ]
    listed = re.findall(r'<h3 class="map-place__name">([^<]+)</h3>', html)
    assert listed == ["Bij de bakker", "D&#x27;n Iemhof", "Ons Huis van de Wijk"]
    for title in ("Koffie", "Biljart", "Brood delen"):
        assert f">{title}</a>" in html
    assert "activities/vendor/leaflet/leaflet.js" in html and "data-tile-url=" in html


def test_walk_in_map_shows_walk_in_hours_only(client, places):
    html = client.get("/inloopspreekuren/kaart/").content.decode()
    assert titles_of(html) == ("Inloopspreekuren op de kaart", "Inloopspreekuren op de kaart")
    assert [m[2] for m in markers(html)] == ["Ons Huis van de Wijk"]
    assert ">Geldzaken-inloop</a>" in html and ">Koffie</a>" not in html


def test_tile_server_is_configurable_and_allowed_by_the_csp(client, places, settings):
    response = client.get("/agenda/kaart/")
    assert f'data-tile-url="{settings.MAP_TILE_URL}"' in response.content.decode()
    assert "https://tile.openstreetmap.org" in response["Content-Security-Policy"]


def test_activity_page_links_to_the_place_on_openstreetmap(client, places):
    huis = places[0]
    activity = huis.activities.first()
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "https://www.openstreetmap.org/?mlat=51.757100&amp;mlon=5.531200" in html


@pytest.mark.parametrize(("lat", "lng"), [("91", "5.5"), ("51.7", "-181"), ("51.7", None)])
def test_coordinates_must_be_sane(db, lat, lng):
    location = Location(name="Ergens", slug="ergens", latitude=lat, longitude=lng)
    with pytest.raises(ValidationError):
        location.full_clean()


def test_professional_enters_coordinates_as_numbers(client_for, places, professional):
    unknown = places[2]
    url = f"/agenda/plekken/{unknown.slug}/"
    response = client_for(professional).post(
        url, {"address": "Kastanjelaan 5, Oss", "latitude": "51.7561", "longitude": "5.5330"}
    )
    unknown.refresh_from_db()
    assert response.status_code == 302 and unknown.latitude == Decimal("51.756100")
    assert len(markers(client_for(professional).get("/agenda/kaart/").content.decode())) == 3


def test_coordinates_out_of_range_get_a_dutch_message(client_for, places, professional):
    url = f"/agenda/plekken/{places[2].slug}/"
    response = client_for(professional).post(url, {"latitude": "151.7", "longitude": "5.53"})
    assert response.status_code == 400 and "ongeveer 51,76" in response.content.decode()
    response = client_for(professional).post(url, {"latitude": "51.7"})
    assert response.status_code == 400 and "allebei" in response.content.decode()
    places[2].refresh_from_db()
    assert places[2].latitude is None


def test_residents_cannot_move_places(client_for, places, resident):
    assert (
        client_for(resident)
        .post(f"/agenda/plekken/{places[0].slug}/", {"latitude": "1", "longitude": "1"})
        .status_code
        == 403
    )
    assert "wijzigen" not in client_for(resident).get("/agenda/plekken/").content.decode()

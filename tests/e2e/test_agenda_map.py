"""The agenda map in a real browser: Leaflet (served from our own static files) puts one marker per place
with coordinates, within the Content-Security-Policy; the list by place stays below it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.activities.factories import ActivityFactory, LocationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_map_shows_a_marker_per_place_without_csp_violations(live_server, phone, axe):
    soon = timezone.now() + timedelta(hours=3)
    huis = LocationFactory(
        name="Ons Huis van de Wijk", latitude=Decimal("51.7572"), longitude=Decimal("5.5312")
    )
    iemhof = LocationFactory(name="D'n Iemhof", latitude=Decimal("51.7598"), longitude=Decimal("5.5375"))
    ActivityFactory(title="Koffie", location=huis, starts_at=soon)
    ActivityFactory(title="Biljart", location=iemhof, starts_at=soon)
    ActivityFactory(title="Brood delen", location=LocationFactory(name="Bij de bakker"), starts_at=soon)
    violations = []
    phone.on(
        "console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None
    )
    phone.goto(live_server.url + "/agenda/kaart/")
    phone.wait_for_selector(".leaflet-marker-icon")
    assert phone.locator(".leaflet-marker-icon").count() == 2
    assert phone.locator("[data-map]").is_visible()
    assert phone.locator(".map-place").count() == 3
    assert violations == []
    # The marker images come by their real (in production hashed) addresses, not by Leaflet's guess.
    assert (
        phone.evaluate("() => L.Marker.prototype.options.icon.options.iconUrl")
        == "/static/activities/vendor/leaflet/images/marker-icon.png"
    )
    phone.wait_for_function(  # fails by timing out when an image does not load
        "() => [...document.querySelectorAll('.leaflet-marker-icon')].every(i => i.complete && i.naturalWidth > 0)"
    )
    assert axe(phone) == []

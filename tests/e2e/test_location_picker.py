"""Setting a place on the map with a finger: a tap fills in the two numbers, which are then saved."""

from decimal import Decimal

import pytest

from accounts import roles
from activities.models import Location
from tests.activities.factories import LocationFactory
from tests.e2e.conftest import TOUCH_PHONE, horizontal_overflow, log_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_professional_taps_the_place_on_the_map_and_saves_it(browser, live_server, axe):
    place = LocationFactory(name="Speeltuin De Ruwaard", latitude=None, longitude=None)
    professional = UserFactory(display_name="Sanne", roles=[roles.PROFESSIONAL])
    context = browser.new_context(**TOUCH_PHONE)
    log_in(context, live_server, professional)
    page = context.new_page()
    page.goto(f"{live_server.url}/agenda/plekken/{place.slug}/")
    picker = page.locator("[data-location-picker]")
    picker.wait_for(state="visible")
    assert page.get_by_text("Tik op de kaart op de plek").is_visible()
    assert page.input_value("input[name=latitude]") == ""

    picker.tap()
    page.locator(".leaflet-marker-icon").wait_for()
    page.wait_for_function(
        "() => document.querySelector('.leaflet-marker-icon').naturalWidth > 0"
    )  # it loads
    latitude = Decimal(page.input_value("input[name=latitude]"))
    longitude = Decimal(page.input_value("input[name=longitude]"))
    # The map opens on the middle of Ruwaard; a tap in its middle lands close to it.
    assert abs(latitude - Decimal("51.757")) < Decimal("0.005")
    assert abs(longitude - Decimal("5.531")) < Decimal("0.005")
    assert horizontal_overflow(page) == 0
    assert axe(page) == []

    page.get_by_role("button", name="Opslaan").tap()
    page.wait_for_url(f"{live_server.url}/agenda/plekken/")
    place = Location.objects.get(pk=place.pk)
    assert (place.latitude, place.longitude) == (latitude, longitude)
    context.close()


def test_typed_numbers_put_the_marker_on_the_map(browser, live_server):
    place = LocationFactory(
        name="Ons Huis van de Wijk", latitude=Decimal("51.7572"), longitude=Decimal("5.5312")
    )
    context = browser.new_context(**TOUCH_PHONE)
    log_in(context, live_server, UserFactory(display_name="Sanne", roles=[roles.PROFESSIONAL]))
    page = context.new_page()
    page.goto(f"{live_server.url}/agenda/plekken/{place.slug}/")
    page.locator(".leaflet-marker-icon").wait_for()  # a known place shows its marker at once
    before = page.locator(".leaflet-marker-icon").bounding_box()
    page.fill("input[name=latitude]", "51.7580")
    page.dispatch_event("input[name=latitude]", "change")
    after = page.locator(".leaflet-marker-icon").bounding_box()
    assert before["y"] - after["y"] > 50  # about 90 m further north: higher on the map, which stays put
    context.close()

"""Live notices in a real browser. The test server speaks no WebSocket, so the page must fall back to polling."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from accounts.models import User
from notices.models import PreventionGroup
from notices.services import post_notice
from tests.district import build_district
from tests.e2e.test_content_pages import _login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def district(transactional_db):
    build_district()


def test_feed_falls_back_to_polling_and_shows_a_new_notice(live_server, browser, district):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    _login(context, live_server, "lid@example.org")
    page = context.new_page()
    page.clock.install()
    page.goto(live_server.url + "/buurtpreventie/ruwaard-noord/")
    assert "112" in page.locator("main").inner_text()
    page.wait_for_timeout(500)  # the WebSocket fails against this server; polling starts

    def post():
        post_notice(
            group=PreventionGroup.objects.get(slug="ruwaard-noord"),
            author=User.objects.get(email="coordinator@example.org"),
            level="info",
            text="Fietsenrek bij de Kastanjelaan omgevallen",
            street="Kastanjelaan",
        )
        connection.close()

    # Another member posts, from outside the browser's event loop (as another request would).
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(post).result()
    page.clock.fast_forward(16_000)
    page.get_by_text("Fietsenrek bij de Kastanjelaan omgevallen").first.wait_for(timeout=5_000)
    context.close()


def test_urgent_notice_on_another_page_says_spoed_and_stays_until_closed(live_server, browser, district):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    _login(context, live_server, "lid@example.org")
    page = context.new_page()
    page.clock.install()
    page.goto(live_server.url + "/buurtpreventie/ruwaard-noord/")  # the tab now knows the group's last notice
    page.goto(live_server.url + "/agenda/")
    page.wait_for_timeout(500)

    def post():
        post_notice(
            group=PreventionGroup.objects.get(slug="ruwaard-noord"),
            author=User.objects.get(email="coordinator@example.org"),
            level="urgent",
            text="Verdachte man bij de achterdeuren",
            street="Lindenlaan",
        )
        connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(post).result()
    page.clock.fast_forward(16_000)
    banner = page.locator(".urgent-banner")
    banner.wait_for(timeout=5_000)
    assert "Spoed" in banner.inner_text() and "Verdachte man bij de achterdeuren" in banner.inner_text()
    page.clock.fast_forward(60_000)  # an ordinary announcement would be gone by now
    assert banner.is_visible()
    banner.get_by_role("button", name="Sluiten").click()
    assert page.locator(".urgent-banner").count() == 0
    context.close()

"""Live notices and messages in a real browser. The test server speaks no WebSocket, so the page must fall back to
polling."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from accounts.models import User
from marketplace.models import Conversation
from marketplace.services import accept_response, mark_done, send_message
from tests.district import build_district
from tests.e2e.conftest import log_in
from tests.e2e.live import coordinator_posts

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def district(transactional_db):
    build_district()


@pytest.fixture
def member_page(live_server, browser, district):
    """A member's phone on the group's page, its clock installed so that a test can move to the next poll."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    log_in(context, live_server, User.objects.get(email="lid@example.org"))
    page = context.new_page()
    page.clock.install()
    page.goto(live_server.url + "/buurtpreventie/ruwaard-noord/")  # the tab now knows the group's last notice
    yield page
    context.close()


def test_feed_falls_back_to_polling_and_shows_a_new_notice(member_page):
    page = member_page
    assert "112" in page.locator("main").inner_text()
    page.wait_for_timeout(500)  # the WebSocket fails against this server; polling starts
    coordinator_posts(
        page, level="info", text="Fietsenrek bij de Kastanjelaan omgevallen", street="Kastanjelaan"
    )
    page.get_by_text("Fietsenrek bij de Kastanjelaan omgevallen").first.wait_for(timeout=5_000)
    # It reads like a notice that was there on loading, and can be reported like one.
    from notices.models import Notice

    notice = Notice.objects.get(text="Fietsenrek bij de Kastanjelaan omgevallen")
    item = page.locator(f'[data-notice="{notice.pk}"]')
    shown = item.locator("time").inner_text()
    assert "," not in shown and shown.split()[-1].count(":") == 1
    assert (
        item.get_by_role("link", name="Melden").get_attribute("href")
        == f"/moderatie/melden/notice/{notice.pk}/"
    )


def test_urgent_notice_on_another_page_says_spoed_and_stays_until_closed(live_server, member_page):
    page = member_page
    page.goto(live_server.url + "/agenda/")
    page.wait_for_timeout(500)
    coordinator_posts(page, level="urgent", text="Verdachte man bij de achterdeuren", street="Lindenlaan")
    banner = page.locator(".urgent-banner")
    banner.wait_for(timeout=5_000)
    assert "Spoed" in banner.inner_text() and "Verdachte man bij de achterdeuren" in banner.inner_text()
    page.clock.fast_forward(60_000)  # an ordinary announcement would be gone by now
    assert banner.is_visible()
    banner.get_by_role("button", name="Sluiten").click()
    assert page.locator(".urgent-banner").count() == 0


def test_an_open_conversation_shows_a_new_message_and_the_others_klaar_without_reloading(
    live_server, browser, district
):
    conversation = Conversation.objects.get(response__responder__email="vrijwilliger@example.org")
    owner, helper = conversation.response.listing.owner, User.objects.get(email="vrijwilliger@example.org")

    def in_another_thread(action):  # as another request would, outside the browser's event loop
        def run():
            action()
            connection.close()

        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(run).result()

    in_another_thread(lambda: accept_response(response=conversation.response, by=owner))
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    log_in(context, live_server, owner)
    page = context.new_page()
    page.clock.install()
    page.goto(live_server.url + conversation.get_absolute_url())
    page.wait_for_timeout(500)  # the WebSocket fails against this server; polling starts
    page.get_by_label("Nieuw bericht").fill("Half vier?")  # what the owner is typing must stay

    def elsewhere(action):
        in_another_thread(action)
        page.clock.fast_forward(16_000)  # one poll

    elsewhere(lambda: send_message(conversation=conversation, author=helper, text="Ik neem de ladder mee."))
    chat = page.locator("[data-live-part=chat]")
    chat.get_by_text("Ik neem de ladder mee.").wait_for(timeout=5_000)
    assert chat.locator("li").count() == 2  # the first message and the new one, once

    elsewhere(lambda: mark_done(response=conversation.response, by=helper, thanks="Graag gedaan!"))
    agreement = page.locator("[data-live-part=agreement]")
    agreement.get_by_text("heeft gezegd: het is klaar. Zegt u het ook?").wait_for(timeout=5_000)
    assert "Graag gedaan!" in page.locator("[data-live-part=thanks]").inner_text()
    assert chat.locator("li").count() == 2
    assert page.get_by_label("Nieuw bericht").input_value() == "Half vier?"  # no reload
    context.close()

"""The moderation queue on a 360 px touch screen: every button is tapped and the item changes state."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from accounts import roles
from activities.models import Activity
from marketplace.models import Listing, Status
from moderation.models import Decision, Report
from notifications.models import Notification
from tests.activities.factories import ActivityFactory
from tests.e2e.conftest import TOUCH_PHONE, horizontal_overflow, log_in
from tests.factories import UserFactory
from tests.marketplace.factories import ListingFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def touch_phone(browser, live_server):
    """A logged-in moderator on a 360 px touch screen."""
    moderator = UserFactory(display_name="Ingrid", roles=[roles.MODERATOR], is_staff=True)
    context = browser.new_context(**TOUCH_PHONE)
    log_in(context, live_server, moderator)
    page = context.new_page()
    yield page
    context.close()


def _tap(page, card: str, label: str, reason: str | None = None) -> None:
    """Tap a decision button of one card (after typing the reason), as a finger would, and wait for the page."""
    if reason is not None:
        page.locator(f"{card} textarea").fill(reason)
    button = page.locator(f"{card} button", has_text=label)
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box["height"] >= 44, f"{label} is too small to tap"
    # Nothing (such as the card's stretched title link) lies on top of the button.
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('button')?.textContent.trim()",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top == label, f"{label} is covered"
    with page.expect_navigation():
        button.tap()


def _items():
    author = UserFactory(display_name="Fatma", roles=[roles.BEWONER])
    reporter = UserFactory(display_name="Piet", roles=[roles.BEWONER])
    reported = ListingFactory(owner=author, title="Koop mijn oude fiets")
    fine = ListingFactory(owner=author, title="Wie wandelt mee?")
    pending = ListingFactory(owner=author, title="Hulp bij de heg", is_pending=True)
    activity = ActivityFactory(owner=author, title="Buurtbingo", status=Activity.Status.PENDING)
    for listing in (reported, fine):
        Report.objects.create(kind="listing", object_id=listing.pk, reporter=reporter, reason="spam")
    return author, reported, fine, pending, activity


def test_moderator_taps_every_button_on_a_phone(live_server, touch_phone, axe):
    page = touch_phone
    # Outside Playwright's event loop: the notifications they cause are sent live through async_to_sync.
    with ThreadPoolExecutor(max_workers=1) as pool:
        author, reported, fine, pending, activity = pool.submit(_items).result()

    queue = live_server.url + "/moderatie/"
    response = page.goto(queue)
    assert response.status == 200
    assert horizontal_overflow(page) <= 0
    assert axe(page) == []
    for title in ("Koop mijn oude fiets", "Wie wandelt mee?", "Hulp bij de heg", "Buurtbingo"):
        assert page.get_by_text(title).count() >= 1

    # A reported listing: hide it with a reason, then show it again from its own page.
    _tap(page, f"#listing-{reported.pk}", "Verbergen", "Verkopen hoort niet op vraag en aanbod.")
    reported.refresh_from_db()
    assert reported.status == Status.HIDDEN
    assert not Report.objects.open().filter(object_id=reported.pk, kind="listing").exists()
    page.goto(live_server.url + f"/moderatie/listing/{reported.pk}/")
    assert axe(page) == []
    _tap(page, f"#listing-{reported.pk}", "Weer tonen")
    reported.refresh_from_db()
    assert reported.status == Status.OPEN

    # Another reported listing: nothing wrong.
    page.goto(queue)
    _tap(page, f"#listing-{fine.pk}", "Niets aan de hand")
    assert Report.objects.get(kind="listing", object_id=fine.pk).handled_at is not None
    fine.refresh_from_db()
    assert fine.status == Status.OPEN

    # A pending listing: ask for a change, then approve.
    _tap(page, f"#listing-{pending.pk}", "Aanpassing vragen", "Schrijf erbij welke dag.")
    pending.refresh_from_db()
    assert pending.is_pending and pending.moderation_note == "Schrijf erbij welke dag."
    _tap(page, f"#listing-{pending.pk}", "Goedkeuren")
    assert not Listing.objects.get(pk=pending.pk).is_pending

    # A pending activity: ask for a change, hide it, show it again (it waits again), approve it.
    _tap(page, f"#activity-{activity.pk}", "Aanpassing vragen", "Zet er een begintijd bij.")
    assert Activity.objects.get(pk=activity.pk).status == Activity.Status.PENDING
    _tap(page, f"#activity-{activity.pk}", "Verbergen", "Dit is een loterij met geld.")
    assert Activity.objects.get(pk=activity.pk).status == Activity.Status.HIDDEN
    page.goto(live_server.url + f"/moderatie/activity/{activity.pk}/")
    _tap(page, f"#activity-{activity.pk}", "Weer tonen")
    assert Activity.objects.get(pk=activity.pk).status == Activity.Status.PENDING
    _tap(page, f"#activity-{activity.pk}", "Goedkeuren")
    assert Activity.objects.get(pk=activity.pk).status == Activity.Status.PUBLISHED

    # Every decision is kept, and the author was told each reason.
    assert Decision.objects.count() == 9
    told = " | ".join(
        Notification.objects.filter(user=author, kind="moderation_decision").values_list("text", flat=True)
    )
    for reason in (
        "Verkopen hoort niet op vraag en aanbod.",
        "Schrijf erbij welke dag.",
        "Zet er een begintijd bij.",
        "Dit is een loterij met geld.",
    ):
        assert reason in told
    page.goto(queue)
    assert page.get_by_text("Er wacht niets. Dank u!").is_visible()
    assert axe(page) == []

"""A resident's phone (360 × 740, touch): the header stays small, content comes first, and the main
journeys work with taps. Every page a journey passes is checked with axe-core (no serious or critical
violation), for sideways scrolling and for tap targets of at least 44 × 44 px."""

import json
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from marketplace.models import Conversation, Listing
from stories.models import StoryPage
from tests.activities.factories import ActivityFactory, walk_in
from tests.district import build_district
from tests.e2e.conftest import TOUCH_PHONE, horizontal_overflow, log_in, small_targets
from tests.e2e.live import coordinator_posts
from tests.marketplace.factories import ListingFactory
from tests.stories.factories import image_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MAIN_PAGES = ["/", "/agenda/", "/vraag-en-aanbod/", "/verhalen/"]
FIRST_CONTENT = {
    "/": "#home-vandaag ~ ul li, #home-vandaag ~ p, .section--first li, .section--first .empty",
    "/agenda/": ".agenda__day .card",
    "/vraag-en-aanbod/": "#berichten > li",
    "/verhalen/": ".story-list > li",
}


@pytest.fixture
def district(transactional_db):
    people = build_district()
    now = timezone.localtime()
    start = max(now - timedelta(minutes=5), timezone.make_aware(datetime.combine(now.date(), time(0, 1))))
    end_of_day = timezone.make_aware(datetime.combine(now.date(), time(23, 59)))
    ActivityFactory(
        title="Taalcafé van vandaag",
        slug="taalcafe-van-vandaag",
        category="leren-taal",
        starts_at=start,
        duration=min(timedelta(hours=2), end_of_day - start),
    )
    walk_in(
        title="Spreekuur formulieren",
        slug="spreekuur-formulieren",
        topic="Hulp bij formulieren",
        category="geldzaken",
        starts_at=now - timedelta(minutes=10),
        duration=timedelta(hours=2),
    )
    return people


class Journey:
    """One phone with touch; every page it opens is checked, problems are gathered per address."""

    def __init__(self, browser, live_server, axe, email=None):
        self.live_server = live_server
        self.axe = axe
        self.context = browser.new_context(**TOUCH_PHONE)
        if email:
            log_in(self.context, live_server, User.objects.get(email=email))
        self.page = self.context.new_page()
        self.problems: dict[str, list] = {}

    def open(self, path):
        self.page.goto(self.live_server.url + path)
        self.check()

    def check(self):
        page = self.page
        page.wait_for_load_state()
        where = page.url.removeprefix(self.live_server.url)
        found = []
        if horizontal_overflow(page) > 0:
            found.append("scrolls sideways")
        small = small_targets(page)
        if small:
            found.append({"tap targets under 44 px": small})
        violations = self.axe(page)
        if violations:
            found.append({"axe": violations})
        if found:
            self.problems[where] = found

    def tap(self, locator):
        """Tap a link or a submit button and check the page it leads to."""
        with self.page.expect_navigation():
            locator.first.tap()
        self.check()

    def close(self):
        self.context.close()


def test_header_is_small_and_content_comes_first(live_server, browser, axe, district):
    for email in (None, "bewoner@example.org"):
        journey = Journey(browser, live_server, axe, email)
        page = journey.page
        for path in MAIN_PAGES:
            journey.open(path)
            header = page.locator(".site-header").bounding_box()
            assert header["height"] <= 64, (path, email, header)
            first = page.locator(FIRST_CONTENT[path]).first.bounding_box()
            assert first is not None, (path, email)
            assert first["y"] < 740, (path, email, first)
            if path == "/":  # "Nu open" with its first walk-in hour is on the first screen too
                open_now = page.locator("section[aria-labelledby=home-nu-open] li").first.bounding_box()
                assert open_now["y"] + open_now["height"] <= 740, (email, open_now)
            # The filters are folded behind one button on the phone.
            if path != "/":
                assert page.locator("details.filter-panel").get_attribute("open") is None
        journey.close()
        assert journey.problems == {}, json.dumps(journey.problems, indent=1)


def test_menu_opens_without_javascript_and_reaches_every_section(live_server, browser, district):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(live_server.url + "/")
    menu = page.locator(".header-menu--sections")
    assert not menu.locator(".site-menu__link").first.is_visible()
    menu.locator("summary").tap()
    labels = [
        link.inner_text().strip() for link in menu.locator(".site-menu__link").all() if link.is_visible()
    ]
    assert {"Agenda", "Inloopspreekuren", "Vraag en aanbod", "Verhalen", "Organisaties"} <= set(labels)
    page.get_by_role("link", name="Vraag en aanbod").first.tap()
    assert page.locator("h1").inner_text() == "Vraag en aanbod"
    # Filters open without JavaScript too.
    page.locator("details.filter-panel summary").tap()
    assert page.locator("#filter-categorie").is_visible()
    context.close()


def test_filters_are_open_on_a_wide_screen_and_active_ones_are_removable_chips(
    live_server, browser, district
):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/agenda/?categorie=eten&gratis=1")
    assert page.locator("#f-categorie").is_visible()
    chips = page.locator(".active-filters .chip")
    assert chips.count() == 2
    page.locator(".active-filters .chip", has_text="Eten").click()
    assert page.url.endswith("/agenda/?gratis=1")
    assert page.locator(".active-filters .chip").count() == 1
    context.close()


# Long Dutch words in every title and tag, as residents write them ("Moestuinbakken", "Buurtbarbecue"):
# at 225 % such a word is wider than the phone, and must break instead of widening the page.
LONG_WORDS = """() => {
    for (const el of document.querySelectorAll("main h2, main h3, main .tag, main .chip, main .card__title a")) {
        el.textContent = "Moestuinbakkenbouwdag " + el.textContent;
    }
}"""


def test_text_at_200_percent_keeps_pages_usable(live_server, browser, district):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    for path in [*MAIN_PAGES, "/zoeken/?q=taal"]:
        page.goto(live_server.url + path)
        page.evaluate("() => { document.documentElement.style.fontSize = '225%'; }")
        assert horizontal_overflow(page) <= 0, path
        heading = page.locator("main h1").bounding_box()
        assert heading["y"] < 740, path
        page.evaluate(LONG_WORDS)
        assert horizontal_overflow(page) <= 0, f"{path} with long words"
        page.locator(".header-menu--sections summary").tap()
        assert page.locator(".site-menu__link").first.is_visible(), path
        assert horizontal_overflow(page) <= 0, f"{path} with the menu open"
    context.close()


def test_find_todays_activity_and_open_it(live_server, browser, axe, district):
    journey = Journey(browser, live_server, axe)
    journey.open("/")
    today = journey.page.locator("section[aria-labelledby=home-vandaag]")
    assert today.locator(".compact-list__link").first.inner_text().strip() == "Taalcafé van vandaag"
    journey.tap(today.get_by_role("link", name="Taalcafé van vandaag"))
    assert journey.page.locator("h1").inner_text() == "Taalcafé van vandaag"
    journey.close()
    assert journey.problems == {}, json.dumps(journey.problems, indent=1)


def test_find_a_walk_in_hour_open_now(live_server, browser, axe, district):
    journey = Journey(browser, live_server, axe)
    journey.open("/")
    page = journey.page
    page.locator(".header-menu--sections summary").tap()
    journey.tap(page.locator(".site-menu__link", has_text="Inloopspreekuren"))
    open_now = page.locator("section[aria-labelledby=inloop-open_now]")
    assert "Hulp bij formulieren" in open_now.inner_text()
    journey.tap(open_now.get_by_role("link", name="Hulp bij formulieren"))
    assert page.locator("h1").inner_text() == "Spreekuur formulieren"
    journey.close()
    assert journey.problems == {}, json.dumps(journey.problems, indent=1)


def test_resident_posts_a_vraag(live_server, browser, axe, district):
    journey = Journey(browser, live_server, axe, "bewoner@example.org")
    page = journey.page
    journey.open("/vraag-en-aanbod/")
    journey.tap(page.get_by_role("link", name="Ik vraag hulp"))
    page.locator("label", has_text="Boodschappen").first.tap()
    page.get_by_label("Zeg het kort").fill("Wie haalt mijn medicijnen op?")
    journey.tap(page.get_by_role("button", name="Plaatsen"))
    assert page.locator("h1").inner_text() == "Wie haalt mijn medicijnen op?"
    listing = Listing.objects.get(title="Wie haalt mijn medicijnen op?")
    assert (listing.kind, listing.category, listing.owner.email) == (
        "vraag",
        "boodschappen",
        "bewoner@example.org",
    )
    journey.close()
    assert journey.problems == {}, json.dumps(journey.problems, indent=1)


def test_resident_responds_to_an_aanbod_and_writes_a_message(live_server, browser, axe, district):
    ListingFactory(
        owner=User.objects.get(email="vrijwilliger@example.org"),
        kind="aanbod",
        category="tuin",
        title="Ik help graag in de tuin",
    )
    journey = Journey(browser, live_server, axe, "bewoner@example.org")
    page = journey.page
    journey.open("/vraag-en-aanbod/?soort=aanbod")
    journey.tap(page.get_by_role("link", name="Ik help graag in de tuin"))
    page.get_by_label("Uw bericht").fill("Mijn heg is te hoog. Kunt u zaterdag?")
    journey.tap(page.get_by_role("button", name="Stuur bericht"))
    page.get_by_label("Nieuw bericht").fill("Ik woon op de Kastanjelaan.")
    journey.tap(page.get_by_role("button", name="Stuur", exact=True))
    assert "Ik woon op de Kastanjelaan." in page.locator("main").inner_text()
    conversation = Conversation.objects.get(response__listing__title="Ik help graag in de tuin")
    assert conversation.messages.count() == 2
    journey.close()
    assert journey.problems == {}, json.dumps(journey.problems, indent=1)


def _story_with_a_photo(journey, tmp_path) -> None:
    """On the story form: a title, a text and a photo, as a resident types and picks them."""
    photo = tmp_path / "buurtfeest.png"
    photo.write_bytes(image_bytes())
    page = journey.page
    page.get_by_label("Titel van uw verhaal").fill("Ons buurtfeest")
    page.get_by_label("Uw verhaal", exact=True).fill(
        "Op zaterdag aten we samen op straat. Iedereen nam iets mee."
    )
    page.locator("input[type=file]").set_input_files(str(photo))


def test_resident_sends_in_a_story_with_a_photo(live_server, browser, axe, district, tmp_path):
    journey = Journey(browser, live_server, axe, "bewoner@example.org")
    page = journey.page
    journey.open("/verhalen/")
    journey.tap(page.get_by_role("link", name="Stuur uw verhaal in"))
    _story_with_a_photo(journey, tmp_path)
    page.get_by_label("Wat staat er op de foto?").fill("Lange tafels op straat met buren")
    page.locator("input[name=photo_consent]").tap()
    page.locator("input[name=publication_consent]").tap()
    journey.tap(page.get_by_role("button", name="Verhaal insturen"))
    story = StoryPage.objects.get(title="Ons buurtfeest")
    assert story.hero_image is not None
    assert not story.live
    journey.close()
    assert journey.problems == {}, json.dumps(journey.problems, indent=1)


def test_a_photo_is_kept_when_the_story_form_comes_back(live_server, browser, axe, district, tmp_path):
    journey = Journey(browser, live_server, axe, "bewoner@example.org")
    page = journey.page
    journey.open("/verhalen/insturen/")
    _story_with_a_photo(journey, tmp_path)
    page.locator("input[name=photo_consent]").tap()
    page.locator("input[name=publication_consent]").tap()
    journey.tap(page.get_by_role("button", name="Verhaal insturen"))  # the photo description is missing
    main = page.locator("main").inner_text()
    assert "Uw foto is bewaard." in main and "buurtfeest.png" in main
    page.get_by_label("Wat staat er op de foto?").fill("Lange tafels op straat met buren")
    journey.tap(page.get_by_role("button", name="Verhaal insturen"))
    story = StoryPage.objects.get(title="Ons buurtfeest")
    assert story.hero_image is not None
    assert story.hero_alt == "Lange tafels op straat met buren"
    journey.close()
    assert journey.problems == {}, json.dumps(journey.problems, indent=1)


def test_member_receives_a_live_notice_on_a_phone(live_server, browser, axe, district):
    journey = Journey(browser, live_server, axe, "lid@example.org")
    page = journey.page
    page.clock.install()
    journey.open("/buurtpreventie/ruwaard-noord/")
    assert "112" in page.locator("main").inner_text()
    page.wait_for_timeout(500)  # the test server speaks no WebSocket: the page falls back to polling

    coordinator_posts(page, level="urgent", text="Verdachte bus in de Lindenstraat", street="Lindenstraat")
    page.get_by_text("Verdachte bus in de Lindenstraat").first.wait_for(timeout=5_000)
    journey.check()
    journey.close()
    assert journey.problems == {}, json.dumps(journey.problems, indent=1)


def test_last_agenda_viewed_opens_offline(live_server, browser, district):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.goto(live_server.url + "/agenda/?wanneer=vandaag")
    assert "Taalcafé van vandaag" in page.locator("main").inner_text()
    page.wait_for_timeout(300)  # the worker stores the copy after answering
    context.set_offline(True)
    page.goto(live_server.url + "/agenda/")
    assert page.locator("h1").inner_text() == "Agenda van de wijk"
    assert "Taalcafé van vandaag" in page.locator("main").inner_text()
    page.goto(live_server.url + "/organisaties/nergens/")
    assert page.locator("h1").inner_text() == "U heeft nu geen internet"
    context.close()


FAKE_DUTCH_VOICE = """
window.__spoken = [];
const voice = { lang: "nl-NL", name: "Nederlands", default: true, localService: true, voiceURI: "nl" };
const synth = {
  getVoices: () => [voice], speak: (u) => window.__spoken.push({ text: u.text, lang: u.lang }),
  pause: () => window.__spoken.push("pause"), resume: () => window.__spoken.push("resume"),
  cancel: () => window.__spoken.push("cancel"), addEventListener: () => {},
};
Object.defineProperty(window, "speechSynthesis", { value: synth });
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } addEventListener() {} };
"""
NO_VOICES = """
Object.defineProperty(window, "speechSynthesis", { value: { getVoices: () => [], addEventListener: () => {} } });
"""


def test_read_aloud_reads_the_activity_in_dutch_and_pauses_and_stops(live_server, browser, district):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    context.add_init_script(FAKE_DUTCH_VOICE)
    page = context.new_page()
    page.goto(live_server.url + "/agenda/taalcafe-van-vandaag/")
    play = page.locator("[data-read-aloud-play]")
    play.wait_for(state="visible")
    play.tap()
    spoken = page.evaluate("() => window.__spoken")
    texts = [item for item in spoken if isinstance(item, dict)]
    assert texts and {item["lang"] for item in texts} == {"nl-NL"}
    said = " ".join(item["text"] for item in texts)
    assert said.startswith("Taalcafé van vandaag.")
    assert "Samen iets leuks doen." in said and "Deel via WhatsApp" not in said
    page.locator("[data-read-aloud-pause]").tap()
    assert page.locator("[data-read-aloud-play]").inner_text().strip() == "Verder lezen"
    page.locator("[data-read-aloud-stop]").tap()
    assert page.evaluate("() => window.__spoken.slice(-2)") == ["pause", "cancel"]
    assert page.locator("[data-read-aloud-play]").inner_text().strip() == "Lees voor"
    context.close()


@pytest.mark.parametrize("path", ["/agenda/spreekuur-formulieren/", "/verhalen/"])
def test_read_aloud_stays_hidden_without_a_dutch_voice(live_server, browser, district, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script(NO_VOICES)
    page = context.new_page()
    page.goto(live_server.url + path)
    if path == "/verhalen/":  # the first story page
        page.locator(".story-list .card__title a").first.click()
    assert page.locator(".read-aloud").count() == 1
    page.wait_for_timeout(200)
    assert not page.locator(".read-aloud").is_visible()
    context.close()


def test_professional_taps_wijzigen_on_an_activity_card(live_server, browser, axe, district):
    """A link inside a card sits above the card's own (stretched) title link: a thumb reaches it."""
    journey = Journey(browser, live_server, axe, "professional@example.org")
    page = journey.page
    journey.open("/mijn/activiteiten/")
    card = page.locator(".card").first
    title = card.locator(".card__title").inner_text()
    journey.tap(card.get_by_role("link", name="Wijzigen"))
    assert page.url.endswith("/wijzigen/") and title in page.locator("h1").inner_text()
    journey.close()
    assert journey.problems == {}, json.dumps(journey.problems, indent=1)


def test_activity_form_shows_the_fields_of_the_chosen_kind_without_javascript(live_server, browser, district):
    """Walk-in fields only for a walk-in hour, sign-up places only for an activity (CSS, no script)."""
    context = browser.new_context(**TOUCH_PHONE, java_script_enabled=False)
    log_in(context, live_server, User.objects.get(email="professional@example.org"))
    page = context.new_page()
    page.goto(live_server.url + "/agenda/nieuw/")
    walk_in_only, activity_only = page.locator("#id_topic"), page.locator("#id_max_places")
    assert not walk_in_only.is_visible() and activity_only.is_visible()
    page.select_option("#id_kind", "walk_in")
    assert walk_in_only.is_visible() and not activity_only.is_visible()
    assert page.locator("#id_registration").is_visible() and page.locator("#id_cost").is_visible()
    page.select_option("#id_kind", "activity")
    assert not walk_in_only.is_visible() and page.locator("#id_guests_may_sign_up").is_visible()
    context.close()


def test_tabbing_past_the_open_menu_closes_it(live_server, browser, district):
    """Focus must never sit on a link hidden under the open menu."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(live_server.url + "/")
    menu = page.locator(".header-menu--sections")
    menu.locator("summary").focus()
    page.keyboard.press("Enter")
    assert menu.evaluate("element => element.open")
    links = menu.locator(".site-menu__link").count()
    for _ in range(links + 1):
        page.keyboard.press("Tab")
    focused_outside = page.evaluate(
        "() => !document.querySelector('.header-menu--sections').contains(document.activeElement)"
    )
    assert focused_outside
    assert not menu.evaluate("element => element.open")
    context.close()

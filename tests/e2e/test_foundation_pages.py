import pytest

from tests.district import build_district
from tests.e2e.conftest import horizontal_overflow

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGES = [
    "/",
    "/organisaties/",
    "/organisaties/schuldhulp/",
    "/account/login/",
    "/account/signup/",
    "/privacy/",
    "/bestaat-niet/",
]


@pytest.fixture
def district(transactional_db):
    build_district()


@pytest.mark.parametrize("path", PAGES)
def test_page_fits_a_360px_phone_and_passes_axe(live_server, phone, axe, district, path):
    response = phone.goto(live_server.url + path)
    assert response.status == (404 if path == "/bestaat-niet/" else 200)
    assert phone.locator("h1").first.inner_text().strip()
    assert phone.locator("html").get_attribute("lang") == "nl"
    assert horizontal_overflow(phone) <= 0, f"{path} scrolls sideways on 360 px"
    assert axe(phone) == []


def test_home_navigation_has_big_tap_targets(live_server, phone, district):
    phone.goto(live_server.url + "/")
    buttons = phone.locator(".site-header .header-button").all()
    assert len(buttons) == 3  # search, log in, menu
    for button in buttons:
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
    assert not phone.locator("#zoekterm").is_visible()
    phone.locator(".header-menu--search summary").click()
    assert phone.locator("#zoekterm").is_visible()
    phone.locator(".header-menu--sections summary").click()
    assert not phone.locator("#zoekterm").is_visible()  # one menu open at a time
    for link in phone.locator(".site-menu__link").all():
        assert link.bounding_box()["height"] >= 44


def test_no_console_errors_from_csp_on_home(live_server, browser, district):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(live_server.url + "/")
    page.wait_for_load_state("networkidle")
    context.close()
    assert [e for e in errors if "Content Security Policy" in e] == []

"""Browser tests: Playwright for Python driving Debian's chromium (no browser download).

Skipped with a reason when chromium or Playwright is missing; .ci/run installs both.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# A resident's phone with touch, open to axe-core (bypass_csp).
TOUCH_PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "nl-NL",
    "bypass_csp": True,
}


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


# Package scope: Playwright's sync API keeps an event loop running while it is open, which would
# break the asyncio tests (Channels) that run after the browser tests.
@pytest.fixture(scope="package")
def browser():
    executable = chromium_path()
    if executable is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the test database is used from it on purpose.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, args=CHROMIUM_ARGS, headless=True
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def phone(browser):
    """A page on a 360 px wide phone."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, locale="nl-NL", bypass_csp=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def axe():
    """axe(page) runs axe-core (the page must come from a context with bypass_csp=True) (WCAG 2.1 A/AA) and returns the serious and critical violations."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci)")
    source = AXE.read_text()

    def run(page):
        page.add_script_tag(content=source)
        result = page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return run


CONTROLS = (
    "button, summary, .button, .chip, .header-button, .site-menu__link, .main-nav__link, select, textarea, "
    ".compact-list__link, input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file])"
)
# A link that stands alone in its paragraph or list item is a control too; one inside a sentence is not.
# A checkbox or radio button is hit through its label: the label must be 44 px high (the box may be smaller).
SMALL_TARGETS = """(selector) => {
  const standalone = [...document.querySelectorAll(selector + ', p > a, li > a, dd > a, .helptext > a')].filter((el) => {
    if (!el.matches(selector) && el.parentElement.textContent.trim() !== el.textContent.trim()) return false;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || !el.checkVisibility({ visibilityProperty: true })) return false;
    return r.width < 44 || r.height < 44;
  });
  const boxes = [...document.querySelectorAll('input[type=checkbox], input[type=radio]')].filter((box) => {
    if (!box.checkVisibility({ visibilityProperty: true })) return false;
    const label = box.closest('label') || (box.id && document.querySelector(`label[for="${box.id}"]`));
    return !label || label.getBoundingClientRect().height < 44;
  });
  return [...standalone, ...boxes].map((el) => el.outerHTML.slice(0, 100));
}"""


def small_targets(page) -> list[str]:
    """The controls on the page a thumb cannot hit: under 44 × 44 px."""
    return page.evaluate(SMALL_TARGETS, CONTROLS)


def horizontal_overflow(page) -> int:
    """How many pixels the page is wider than the screen (0 means no horizontal scrolling). The layout
    viewport (clientWidth), not window.innerWidth: a phone zooms out to fit a page that is too wide, and
    innerWidth then grows with it."""
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


def log_in(context, live_server, user) -> None:
    """Give the browser context the session cookie of `user`, as if they had logged in."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])

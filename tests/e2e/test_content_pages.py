"""Every page a resident uses, on a 360 px phone: no sideways scrolling, no tap target under 44 px, no serious
axe-core violations."""

import pytest

from accounts.models import User
from activities.models import Activity
from marketplace.models import Listing
from organisations.models import Organisation
from stories.models import StoryPage
from tests.district import build_district
from tests.e2e.conftest import horizontal_overflow, log_in, small_targets

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def district(transactional_db):
    build_district()


def _check(page, url, *, status=200):
    response = page.goto(url)
    assert response.status == status, url
    assert page.locator("h1").first.inner_text().strip(), url
    assert horizontal_overflow(page) <= 0, f"{url} scrolls sideways on 360 px"
    assert small_targets(page) == [], f"{url} has tap targets under 44 px"


def _public_pages():
    activity = Activity.objects.filter(status="published", kind="activity").order_by("pk").first()
    walk_in = Activity.objects.filter(status="published", kind="walk_in").order_by("pk").first()
    listing = Listing.objects.filter(status="open", is_pending=False).order_by("pk").first()
    story = StoryPage.objects.live().order_by("pk").first()
    return [
        "/agenda/?wanneer=week",
        "/agenda/?wanneer=vandaag&gratis=1",
        activity.get_absolute_url(),
        walk_in.get_absolute_url(),
        "/inloopspreekuren/",
        "/agenda/afdrukken/",
        "/agenda/kaart/?wanneer=week",
        "/inloopspreekuren/kaart/",
        "/agenda/insluiten/",
        "/vraag-en-aanbod/",
        listing.get_absolute_url(),
        "/verhalen/",
        story.url,
        "/buurtpreventie/",
        "/zoeken/?q=shuldhulp",
        "/zoeken/?q=koffie&soort=activiteiten",
        "/organisaties/",
        Organisation.objects.exclude(phone="").order_by("pk").first().get_absolute_url(),
        activity.organisation.get_absolute_url(),  # with its walk-in hours and activities to come
        "/account/login/",
    ]


def test_public_content_pages_on_a_phone(live_server, phone, axe, district):
    problems = {}
    for path in _public_pages():
        _check(phone, live_server.url + path)
        found = axe(phone)
        if found:
            problems[path] = found
    _check(phone, live_server.url + "/deze-pagina-bestaat-niet/", status=404)
    assert problems == {}


@pytest.mark.parametrize(
    ("email", "paths"),
    [
        (
            "bewoner@example.org",
            [
                "/mijn/",
                "/vraag-en-aanbod/nieuw/",
                "/agenda/nieuw/",
                "/verhalen/insturen/",
                "/berichten/",
                "/mijn/meldingen/",
                "/mijn/agenda/",
                "/account/email/",
                "/account/password/change/",
                "/account/2fa/",
            ],
        ),
        ("lid@example.org", ["/buurtpreventie/ruwaard-noord/"]),
        (
            "professional@example.org",
            ["/mijn/", "/mijn/activiteiten/", "/agenda/nieuw/", "/impact/", "/agenda/importeren/"],
        ),
    ],
)
def test_pages_behind_login_on_a_phone(live_server, browser, axe, district, email, paths):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL", bypass_csp=True)
    log_in(context, live_server, User.objects.get(email=email))
    page = context.new_page()
    problems = {}
    for path in paths:
        _check(page, live_server.url + path)
        found = axe(page)
        if found:
            problems[path] = found
    context.close()
    assert problems == {}

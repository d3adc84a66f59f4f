"""The header menu, the footer and the 403 page: every section one tap away, no link that answers 403."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

from accounts import roles
from home.views import permission_denied
from stories.models import StoryIndexPage
from tests.district import build_district
from tests.factories import UserFactory
from tests.pages import html_of
from tests.stories.factories import story_index

pytestmark = pytest.mark.django_db

SECTIONS = [
    "/agenda/",
    "/inloopspreekuren/",
    "/vraag-en-aanbod/",
    "/verhalen/",
    "/organisaties/",
    "/buurtpreventie/",
]


def _menu(html: str) -> str:
    return html.split('class="header-menu__panel" aria-label=', 1)[1].split("</nav>", 1)[0]


def test_menu_folds_every_section_into_one_details_element(client):
    story_index()
    html = client.get("/agenda/").content.decode()
    assert '<details class="header-menu header-menu--sections"' in html
    menu = _menu(html)
    for path in SECTIONS:
        assert f'href="{path}"' in menu
    assert 'href="/account/login/"' in menu
    # Without JavaScript the footer lists the sections too.
    footer = html.split('<footer class="site-footer">', 1)[1]
    assert all(f'href="{path}"' in footer for path in SECTIONS)


def test_logged_in_header_has_my_page_with_badge_and_notifications_in_menu(client, resident):
    from notifications.services import notify

    notify(user=resident, kind="listing_response", text="Iemand reageerde", url="/vraag-en-aanbod/")
    client.force_login(resident)
    html = client.get("/agenda/").content.decode()
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    account = header.split("data-account-link>", 1)[1].split("</a>", 1)[0]
    assert "Mijn pagina" in account
    assert "data-notification-badge>1" in account
    assert 'href="/mijn/meldingen/"' in _menu(html)


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()  # the address is cached: later tests see the story index of their own database


def test_story_index_is_linked_where_the_editors_put_it(client, fresh_cache):
    index = story_index()
    assert 'href="/verhalen/"' in _menu(client.get("/agenda/").content.decode())
    index.slug = "verhalen-uit-de-wijk"
    index.save_revision().publish()  # publishing forgets the cached address
    html = client.get("/agenda/").content.decode()
    assert 'href="/verhalen-uit-de-wijk/"' in _menu(html)
    assert 'href="/verhalen/"' not in _menu(html)


def test_menu_leaves_out_the_story_index_while_there_is_none(client, fresh_cache):
    StoryIndexPage.objects.all().delete()
    menu = _menu(client.get("/agenda/").content.decode())
    assert "Verhalen" not in menu
    assert 'href="/agenda/"' in menu


def test_resident_gets_the_dutch_403_page_at_impact_and_no_link_to_it(client, resident):
    client.force_login(resident)
    html = html_of(client.get("/impact/"), status=403)
    assert "U kunt deze pagina niet openen" in html
    assert "partnerorganisaties" in html
    assert 'href="/mijn/"' in html  # where to go instead
    assert 'href="/impact/"' not in html
    assert 'href="/impact/"' not in client.get("/").content.decode()


def test_partner_sees_the_figures_link_in_the_footer(client, professional):
    from tests.factories import MembershipFactory

    MembershipFactory(user=professional)
    client.force_login(professional)
    assert 'href="/impact/"' in client.get("/agenda/").content.decode()


def test_permission_denied_from_anywhere_gets_the_dutch_page(rf, resident):
    request = rf.get("/admin/iets/")
    request.user = resident
    html = html_of(permission_denied(request, PermissionDenied()), status=403)
    assert "Deze pagina is niet voor uw account bedoeld." in html


def test_visitor_who_is_not_logged_in_is_told_to_log_in(client):
    html = html_of(client.get("/impact/cijfers.csv"), status=403)
    assert "Deze cijfers zijn voor partnerorganisaties" in html
    assert "/account/login/?next=/impact/cijfers.csv" in html


def test_no_wagtail_userbar_on_public_pages_for_staff(client, moderator, editor):
    story_index()
    client.force_login(moderator)
    assert "wagtail-userbar" not in client.get("/agenda/").content.decode()
    assert "wagtail-userbar" not in client.get("/").content.decode()
    client.force_login(editor)
    assert "wagtail-userbar" not in client.get("/agenda/").content.decode()


def test_accessibility_statement_says_what_was_tested_and_how_to_report(client):
    html = client.get("/toegankelijkheid/").content.decode()
    assert "WCAG 2.1" in html
    assert "axe-core" in html
    assert "Een probleem melden" in html
    assert "mailto:" in html
    assert 'href="/toegankelijkheid/"' in client.get("/agenda/").content.decode()


# --- done means 5: no page shows a link that answers 403 to its viewer ---------------------------------

MAIN_PAGES = ["/", *SECTIONS, "/zoeken/?q=koffie", "/toegankelijkheid/"]
LOGGED_IN_PAGES = ["/mijn/", "/mijn/meldingen/", "/berichten/"]
HREF = re.compile(r'href="([^"#]+)')
# Links that change something or leave the site are not followed.
NOT_FOLLOWED = ("/account/logout/", "/admin/", "/django-admin/", "/static/", "/media/", "mailto:", "tel:")


def _links(html: str) -> set[str]:
    found = set()
    for href in HREF.findall(html):
        href = href.replace("&amp;", "&")
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/") or href.startswith(NOT_FOLLOWED):
            continue
        found.add(href)
    return found


@pytest.fixture
def district_people(db):
    people = build_district()
    people["editor"] = UserFactory(email="redactie@example.org", roles=[roles.REDACTIE], is_staff=True)
    people["moderator"] = UserFactory(email="moderator@example.org", roles=[roles.MODERATOR], is_staff=True)
    people["anonymous"] = None
    return people


@pytest.mark.parametrize(
    "role",
    ["anonymous", "resident", "volunteer", "professional", "editor", "moderator", "coordinator", "member"],
)
def test_no_link_on_the_main_pages_answers_403_to_its_viewer(client, district_people, role):
    user = district_people[role]
    pages = list(MAIN_PAGES)
    if user is not None:
        client.force_login(user)
        pages += LOGGED_IN_PAGES
    links = set()
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        links |= _links(response.content.decode())
    assert len(links) > 40
    forbidden = sorted(link for link in links if client.get(link).status_code == 403)
    assert forbidden == []


def test_too_many_tries_get_a_dutch_429_not_a_403(rf, resident):
    from django_ratelimit.exceptions import Ratelimited

    request = rf.post("/account/login/")
    request.user = resident
    assert "Even wachten" in html_of(permission_denied(request, Ratelimited()), status=429)


def test_bad_request_gets_the_dutch_400_page(rf, resident):
    from home.views import bad_request

    request = rf.get("/")
    request.user = resident
    assert "Dat begrijpen we niet" in html_of(bad_request(request), status=400)


def test_allauths_own_429_names_the_page_in_the_tab(rf, resident):
    from allauth.core.internal.ratelimit import respond_429
    from django.urls import resolve, reverse

    request = rf.post(reverse("account_login"))
    request.user = resident
    request.resolver_match = resolve(reverse("account_login"))  # the page's own title is in the context too
    html = html_of(respond_429(request), status=429)
    assert "<title>Even wachten · Wij(k) de Ruwaard</title>" in html
    assert "Even wachten, alstublieft" in html

"""Each allauth page we give our own template names itself once, in accounts.titles: the layout shows that title
in the browser tab and in the page's one h1."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import get_resolver, reverse
from django.utils import translation

from accounts.titles import TITLES
from tests.pages import headings_of, html_of, tab_title_of

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "platform/accounts/templates"


def _title_and_headings(response) -> tuple[str, list[str]]:
    html = html_of(response)
    return tab_title_of(html), headings_of(html)


def _allauth_url_names() -> set[str]:
    from allauth.urls import urlpatterns

    def walk(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                yield from walk(pattern.url_patterns)
            else:
                yield pattern.name

    return set(walk(urlpatterns))


def test_every_title_belongs_to_an_allauth_page_the_site_serves():
    served = {name for name in get_resolver().reverse_dict if isinstance(name, str)}
    assert set(TITLES) - _allauth_url_names() == set()
    assert set(TITLES) - served == set()
    assert reverse("account_logout") == "/account/logout/"
    assert all(str(title).strip() for title in TITLES.values())


def test_our_allauth_templates_leave_the_title_and_the_h1_to_the_layout():
    templates = [*TEMPLATES.glob("account/**/*.html"), *TEMPLATES.glob("mfa/**/*.html")]
    assert len(templates) > 25
    for template in templates:
        text = template.read_text()
        assert "head_title" not in text and "<h1" not in text, template.name


@pytest.fixture
def confirmed(client, resident):
    """A resident who has just confirmed with their password, as allauth asks before a security change."""
    client.force_login(resident)
    client.post(reverse("account_reauthenticate"), {"password": "ruwaard-demo"})
    return client


# The password-reset page asks the question in its h1; its tab names the page.
HEADINGS = {"account_reset_password": "Wachtwoord vergeten?"}


@pytest.mark.parametrize(
    "name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_request_login_code",
    ],
)
def test_entrance_page_shows_its_title_in_the_tab_and_the_h1(client, name):
    title, headings = _title_and_headings(client.get(reverse(name)))
    expected = str(TITLES[name])
    assert headings == [HEADINGS.get(name, expected)]
    assert title.startswith(f"{expected} · ")


@pytest.mark.parametrize(
    "name",
    [
        "account_email",
        "account_logout",
        "mfa_index",
        "mfa_activate_totp",
        "mfa_view_recovery_codes",
        "mfa_list_webauthn",
    ],
)
def test_account_page_shows_its_title_in_the_tab_and_the_h1(confirmed, resident, name):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    RecoveryCodes.activate(resident)
    title, headings = _title_and_headings(confirmed.get(reverse(name)))
    expected = str(TITLES[name])
    assert headings == [expected]
    assert title.startswith(f"{expected} · ")


def test_the_h1_can_say_more_than_the_tab(client):
    title, headings = _title_and_headings(
        client.get("/account/password/reset/key/1a-oud-en-kapot/", follow=True)
    )
    assert title.startswith("Nieuw wachtwoord kiezen · ")
    assert headings == ["Deze link werkt niet meer"]


def test_titles_follow_the_chosen_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        english = str(TITLES["account_login"])
    assert english != "Inloggen"
    title, headings = _title_and_headings(client.get(reverse("account_login")))
    assert headings == [english] and title.startswith(f"{english} · ")


def test_a_title_the_view_passes_wins(confirmed):
    """A 404 under an allauth URL keeps the title the 404 view passes, not the one of the page."""
    response = confirmed.get(reverse("mfa_edit_webauthn", kwargs={"pk": 999999}))
    assert response.status_code == 404
    html = response.content.decode()
    assert "<title>Pagina niet gevonden · " in html
    assert str(TITLES["mfa_edit_webauthn"]) not in html


def test_allauth_pages_we_do_not_restyle_keep_their_own_single_heading(client, resident):
    """Pages drawn by allauth's own templates have no title in the table: the layout adds no (empty) h1."""
    pages = [client.get(reverse("account_inactive"))]
    client.force_login(resident)
    pages.append(client.get(reverse("account_change_password"), follow=True))
    for response in pages:
        assert response.resolver_match.url_name not in TITLES
        title, headings = _title_and_headings(response)
        assert len(headings) == 1 and headings[0], headings
        assert title.startswith(f"{headings[0]} · ")


def test_a_template_of_ours_without_a_title_draws_no_empty_heading(rf):
    """Served where the table has no title, a page of ours goes without an h1 rather than with an empty one."""
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = AnonymousUser()
    html = render_to_string("account/password_reset_done.html", request=request)
    assert "Kijk ook bij de ongewenste e-mail" in html
    assert "<h1" not in html
    html = render_to_string("account/password_reset_done.html", {"title": "Proef"}, request=request)
    assert "<h1>Proef</h1>" in html and "<title>Proef · " in html

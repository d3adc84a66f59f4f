"""A resident on a 360 px phone makes a passkey (toegangssleutel), logs out and logs in again with it.

Chromium's virtual authenticator (through the DevTools protocol) stands in for the phone's fingerprint. WebAuthn
refuses an IP address as the site's identity, so the live server is reached as http://localhost. The journey
runs under the site's Content-Security-Policy (allauth's scripts must be allowed); axe-core checks each page in
a second context that may inject its script."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from accounts import roles
from tests.e2e.conftest import TOUCH_PHONE, horizontal_overflow, log_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VIRTUAL_AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
}


@pytest.fixture
def server(live_server):
    """The live server, by name: pytest-django's default address, unless --liveserver gave an IP address."""
    assert live_server.url.startswith("http://localhost:"), (
        "WebAuthn needs http://localhost, not an IP address"
    )
    return live_server


def _phone(browser, **options):
    return browser.new_context(**{**TOUCH_PHONE, **options})


def _tap(page, name):
    button = page.get_by_role("button", name=name)
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, f"{name}: {box}"
    button.tap()


def _confirm_with_password(page):
    """allauth asks for the password again before a security change."""
    assert reverse("account_reauthenticate") in page.url
    page.get_by_label("Wachtwoord").fill("ruwaard-demo")
    _tap(page, "Bevestigen")


def _problems(browser, server, axe, resident, paths) -> dict:
    """axe-core violations and sideways scrolling of the login page (logged out) and of `paths` (logged in,
    just confirmed with the password), in a context that may inject axe's script."""
    context = _phone(browser)
    page = context.new_page()
    problems = {}

    def look(path):
        page.goto(server.url + path)
        assert page.url == server.url + path
        overflow = horizontal_overflow(page)
        found = axe(page) + ([f"{overflow} px sideways"] if overflow > 0 else [])
        if found:
            problems[path] = found

    look(reverse("account_login"))
    log_in(context, server, resident)
    page.goto(server.url + reverse("account_reauthenticate"))
    _confirm_with_password(page)
    page.wait_for_url(f"**{reverse('accounts:mine')}")
    for path in paths:
        look(path)
    context.close()
    return problems


def test_resident_makes_a_passkey_and_logs_in_with_it(browser, server, axe):
    resident = UserFactory(display_name="Fatma", roles=[roles.BEWONER])
    context = _phone(browser, bypass_csp=False)
    log_in(context, server, resident)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send("WebAuthn.addVirtualAuthenticator", {"options": VIRTUAL_AUTHENTICATOR})

    page.goto(server.url + reverse("mfa_add_webauthn"))
    _confirm_with_password(page)
    page.wait_for_url(f"**{reverse('mfa_add_webauthn')}")
    page.get_by_label("Naam van de sleutel").fill("Mijn telefoon")
    _tap(page, "Toegangssleutel maken")
    # The first key comes with recovery codes, for when the phone is lost.
    page.wait_for_url(f"**{reverse('mfa_view_recovery_codes')}")
    assert "Uw toegangssleutel is toegevoegd." in page.content()
    key = Authenticator.objects.get(user=resident, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "Mijn telefoon" and key.wrap().is_passwordless
    for path in (reverse("mfa_index"), reverse("mfa_list_webauthn")):
        page.goto(server.url + path)
        assert "Mijn telefoon" in page.content()

    page.goto(server.url + reverse("accounts:mine"))
    _tap(page, "Uitloggen")
    page.wait_for_url(server.url + "/")
    page.goto(server.url + reverse("account_login"))
    _tap(page, "Inloggen met een toegangssleutel")
    page.wait_for_url(f"**{reverse('accounts:mine')}")
    assert "Hallo Fatma" in page.locator("h1").inner_text()

    # A security change confirmed with the key instead of the password.
    page.goto(server.url + reverse("mfa_reauthenticate_webauthn"))
    _tap(page, "Toegangssleutel gebruiken")
    page.wait_for_url(lambda url: "reauthenticate" not in url)
    assert [e for e in errors if "Content Security Policy" in e] == []
    context.close()

    paths = [reverse(name) for name in ("mfa_add_webauthn", "mfa_index", "mfa_list_webauthn")]
    paths += [reverse(name, kwargs={"pk": key.pk}) for name in ("mfa_edit_webauthn", "mfa_remove_webauthn")]
    paths.append(reverse("mfa_reauthenticate_webauthn"))
    assert _problems(browser, server, axe, resident, paths) == {}

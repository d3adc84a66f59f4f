"""Passkeys (toegangssleutels), with allauth's WebAuthn: its pages speak plain Dutch with "u", and the login page
keeps working without JavaScript."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.pages import JE, html_of, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def passkey(resident, monkeypatch):
    """A key of the resident. It holds no real public key, so the options the browser gets are left empty."""
    for name in ("begin_registration", "begin_authentication"):
        monkeypatch.setattr(
            f"allauth.mfa.webauthn.internal.auth.{name}", lambda user, *args: {"publicKey": {}}
        )
    return Authenticator.objects.create(
        user=resident,
        type=Authenticator.Type.WEBAUTHN,
        data={
            "name": "Telefoon van Ans",
            "credential": {"clientExtensionResults": {"credProps": {"rk": True}}},
        },
    )


@pytest.fixture
def confirmed(client, resident):
    """A resident who has just confirmed with their password, as allauth asks before a security change."""
    client.force_login(resident)
    client.post(reverse("account_reauthenticate"), {"password": "ruwaard-demo"})
    return client


def test_login_page_offers_a_passkey_only_where_a_script_can_use_it(client):
    html = html_of(client.get(reverse("account_login")))
    assert "Inloggen met een toegangssleutel" in html
    assert '<section data-passkey hidden aria-labelledby="inloggen-toegangssleutel">' in html
    assert f'<form id="mfa_login" action="{reverse("mfa_login_webauthn")}" method="post">' in html
    # Without JavaScript the password and the e-mail code still work.
    assert 'name="password"' in html and reverse("account_request_login_code") in html
    assert "<script>" not in html, "no inline script: the CSP refuses it"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("mfa_index", "Met een toegangssleutel logt u in zonder wachtwoord."),
        ("mfa_add_webauthn", "Toegangssleutel maken"),
        ("mfa_list_webauthn", "Telefoon van Ans Toegevoegd op"),
    ],
)
def test_passkey_pages_speak_plain_dutch(confirmed, passkey, name, expected):
    text = text_of(confirmed.get(reverse(name)))
    assert expected in text
    assert not JE.search(text), JE.findall(text)


def test_two_step_page_lists_the_passkeys_with_a_way_to_manage_them(confirmed, passkey):
    text = text_of(confirmed.get(reverse("mfa_index")))
    assert "Toegangssleutels" in text and "Telefoon van Ans" in text and "Nog niet gebruikt." in text
    assert "Toegangssleutels beheren" in text


def test_resident_renames_a_passkey(confirmed, passkey):
    url = reverse("mfa_edit_webauthn", kwargs={"pk": passkey.pk})
    text = text_of(confirmed.get(url))
    assert "Naam van de toegangssleutel veranderen" in text and not JE.search(text)
    response = confirmed.post(url, {"name": "Tablet"})
    assert response["Location"] == reverse("mfa_list_webauthn")
    passkey.refresh_from_db()
    assert passkey.wrap().name == "Tablet"


def test_resident_removes_a_passkey_after_being_asked(confirmed, passkey):
    url = reverse("mfa_remove_webauthn", kwargs={"pk": passkey.pk})
    text = text_of(confirmed.get(url))
    assert "Wilt u de toegangssleutel „Telefoon van Ans” verwijderen?" in text and not JE.search(text)
    response = confirmed.post(url, follow=True)
    assert "Uw toegangssleutel is verwijderd." in text_of(response)
    assert not Authenticator.objects.filter(pk=passkey.pk).exists()


def test_confirming_with_a_passkey_speaks_plain_dutch(client, resident, passkey):
    client.force_login(resident)
    text = text_of(client.get(reverse("mfa_reauthenticate_webauthn")))
    assert "Gebruik daarom eerst uw toegangssleutel." in text and "Toegangssleutel gebruiken" in text
    assert "Met uw wachtwoord" in text
    assert not JE.search(text), JE.findall(text)


def test_second_step_offers_the_passkey_and_the_code(client, resident, passkey):
    response = client.post(reverse("account_login"), {"login": resident.email, "password": "ruwaard-demo"})
    assert response["Location"] == reverse("mfa_authenticate")
    text = text_of(client.get(reverse("mfa_authenticate")))
    assert "Met uw toegangssleutel" in text and "Vul de code uit uw authenticator-app in" in text
    assert not JE.search(text), JE.findall(text)


def test_origin_is_checked_everywhere():
    # http://localhost passes fido2's own check; switching the check off would accept any site's passkey response.
    from allauth.mfa import app_settings

    assert app_settings.PASSKEY_LOGIN_ENABLED and not app_settings.WEBAUTHN_ALLOW_INSECURE_ORIGIN


def test_an_unreadable_passkey_answer_is_a_form_error_not_a_server_error(client):
    """A broken or forged payload (no rawId) made fido2 raise KeyError inside allauth's form."""
    from tests.pages import text_of

    response = client.post("/account/2fa/webauthn/login/", {"credential": '{"id": "x"}'}, follow=True)
    assert response.redirect_chain == [("/account/login/", 302)]
    assert "Het antwoord van uw toegangssleutel konden we niet lezen. Probeer het opnieuw." in text_of(
        response
    )

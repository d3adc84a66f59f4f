"""The allauth pages and messages a resident meets speak plain Dutch with "u"."""

import re

import pytest

from tests.pages import JE, text_of

pytestmark = pytest.mark.django_db


def test_login_and_logout_messages_say_u(client, resident):
    response = client.post(
        "/account/login/", {"login": resident.email, "password": "ruwaard-demo"}, follow=True
    )
    assert "U bent ingelogd. Welkom!" in text_of(response)  # also right after signing up: no "terug"
    response = client.post("/account/logout/", follow=True)
    assert "U bent uitgelogd. Tot ziens!" in text_of(response)


def test_old_confirmation_link_explains_what_to_do(client):
    text = text_of(client.get("/account/confirm-email/oud-en-kapot/"))
    assert "Deze link werkt niet meer" in text
    assert "Stuur mij een nieuwe link" in text
    assert " je " not in text and " jouw " not in text


def test_old_password_link_explains_what_to_do(client, resident):
    response = client.get("/account/password/reset/key/1a-oud-en-kapot/", follow=True)
    text = text_of(response)
    assert "Deze link werkt niet meer" in text
    assert 'href="/account/password/reset/"' in response.content.decode()


def test_confirmation_link_asks_in_plain_dutch_and_confirms(client):
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    from tests.factories import UserFactory

    user = UserFactory(verified=False)
    address = EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    key = EmailConfirmationHMAC(address).key
    page = client.get(f"/account/confirm-email/{key}/")
    assert f"Is {user.email} uw e-mailadres? Tik dan op de knop." in text_of(page)
    client.post(f"/account/confirm-email/{key}/")
    address.refresh_from_db()
    assert address.verified


def _allauth_pages() -> list[str]:
    from allauth.urls import urlpatterns

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif "<" not in str(pattern.pattern):
                yield prefix + str(pattern.pattern)

    return ["/account/" + path for path in walk(urlpatterns)]


def test_no_allauth_page_says_je_to_a_visitor_or_a_resident(client, resident):
    pages = _allauth_pages()
    assert "/account/email/" in pages and "/account/reauthenticate/code/" in pages
    seen = []
    for who in ("bezoeker", "bewoner"):
        if who == "bewoner":
            client.force_login(resident)
        for path in pages:
            response = client.get(path, follow=True)
            if response.status_code == 404:
                continue
            text = text_of(response)
            seen.append(path)
            assert not JE.search(text), f"{who} {path}: {JE.findall(text)}"
    assert len(seen) > 30


def test_email_page_lists_the_address_and_its_state_in_plain_dutch(client, resident):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=resident, email=resident.email, defaults={"verified": True, "primary": True}
    )
    client.force_login(resident)
    text = text_of(client.get("/account/email/"))
    assert "Deze e-mailadressen horen bij uw account." in text
    assert f"{resident.email} Bevestigd Hoofdadres" in text
    assert "Maak dit mijn hoofdadres" in text and "Een ander e-mailadres toevoegen" in text


def test_confirming_by_code_offers_the_password_in_plain_dutch(client, resident):
    client.force_login(resident)
    text = text_of(client.get("/account/reauthenticate/code/"))
    assert "We mailen u daarom eerst een code." in text
    assert f"Stuur de code naar {resident.email}" in text
    assert "Of bevestig het op een andere manier Met uw wachtwoord" in text


def test_a_logged_in_resident_asking_for_a_new_password_is_told_so(client, resident):
    client.force_login(resident)
    text = text_of(client.get("/account/password/reset/"))
    assert f"U bent al ingelogd als {resident.display_name}." in text


def test_every_allauth_message_says_u_in_dutch(resident):
    from pathlib import Path

    import allauth
    from django.template.loader import render_to_string

    root = Path(allauth.__file__).parent / "templates"
    names = sorted(
        str(path.relative_to(root)) for path in root.glob("*/messages/*.txt") if "phone" not in path.name
    )
    assert "account/messages/unverified_primary_email.txt" in names and len(names) >= 15
    context = {"email": "fatma@example.org", "user": resident, "MFA_RECOVERY_CODES_SHOW_ONCE": False}
    for name in names:
        text = render_to_string(name, context).strip()
        assert text and not JE.search(text), f"{name}: {text}"
        assert not re.search(r"\b(the|your|has|been|address)\b", text, re.IGNORECASE), f"{name}: {text}"


def test_a_wrong_password_is_told_without_je(client, resident):
    text = text_of(client.post("/account/login/", {"login": resident.email, "password": "fout"}))
    assert "Het e-mailadres of het wachtwoord is niet correct." in text
    assert not JE.search(text)


def test_a_short_password_is_refused_in_dutch(client):
    data = {"display_name": "Mieke", "email": "mieke@example.org", "accept_privacy": "on"}
    response = client.post("/account/signup/", {**data, "password1": "kort-1", "password2": "kort-1"})
    text = text_of(response)
    assert "Dit wachtwoord is te kort. Gebruik minstens 10 tekens." in text
    assert "This password" not in text and not JE.search(text)

"""The allauth pages and messages a resident meets speak plain Dutch with "u"."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_login_and_logout_messages_say_u(client, resident):
    response = client.post(
        "/account/login/", {"login": resident.email, "password": "ruwaard-demo"}, follow=True
    )
    assert "U bent ingelogd. Welkom terug!" in _text(response)
    response = client.post("/account/logout/", follow=True)
    assert "U bent uitgelogd. Tot ziens!" in _text(response)


def test_old_confirmation_link_explains_what_to_do(client):
    text = _text(client.get("/account/confirm-email/oud-en-kapot/"))
    assert "Deze link werkt niet meer" in text
    assert "Stuur mij een nieuwe link" in text
    assert " je " not in text and " jouw " not in text


def test_old_password_link_explains_what_to_do(client, resident):
    response = client.get("/account/password/reset/key/1a-oud-en-kapot/", follow=True)
    text = _text(response)
    assert "Deze link werkt niet meer" in text
    assert 'href="/account/password/reset/"' in response.content.decode()


def test_confirmation_link_asks_in_plain_dutch_and_confirms(client):
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    from tests.factories import UserFactory

    user = UserFactory(verified=False)
    address = EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    key = EmailConfirmationHMAC(address).key
    page = client.get(f"/account/confirm-email/{key}/")
    assert f"Is {user.email} uw e-mailadres? Tik dan op de knop." in _text(page)
    client.post(f"/account/confirm-email/{key}/")
    address.refresh_from_db()
    assert address.verified

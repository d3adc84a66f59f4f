"""Staff accounts: one login for everyone (allauth's, with its limits) and a second factor for the admin."""

import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import cache
from django.urls import reverse

from accounts import roles
from tests.factories import TOTP_SECRET, UserFactory, totp_code

pytestmark = pytest.mark.django_db


def test_admin_login_hands_over_to_the_one_login(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=%2Fadmin%2Fpages%2F"
    assert client.get("/django-admin/login/")["Location"].startswith(reverse("account_login"))


def test_anonymous_admin_visit_goes_to_the_one_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_admin_login_refuses_an_offsite_next(client):
    response = client.get("/admin/login/?next=https://evil.example/")
    assert response["Location"] == reverse("account_login") + "?next=%2Fadmin%2F"


def test_twelve_wrong_passwords_lock_the_admin_login(client, settings):
    """allauth's limits guard the one login; the admin login no longer takes a password itself."""
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/key"}
    cache.clear()
    editor = UserFactory(email="redactie@example.org", roles=[roles.REDACTIE], is_staff=True)
    for _ in range(12):
        response = client.post("/admin/login/", {"username": editor.email, "password": "fout"}, follow=True)
        assert response.redirect_chain[0][0].startswith(reverse("account_login"))
        assert "_auth_user_id" not in client.session
        response = client.post(
            reverse("account_login"), {"login": editor.email, "password": "fout-wachtwoord"}
        )
    # Locked: even the right password is refused now.
    response = client.post(reverse("account_login"), {"login": editor.email, "password": "ruwaard-demo"})
    assert response.status_code == 429 or "_auth_user_id" not in client.session
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302
    cache.clear()


def test_staff_without_second_factor_is_sent_to_set_one_up(client_for):
    editor = UserFactory(roles=[roles.REDACTIE], is_staff=True, totp=False)
    client = client_for(editor)
    for path in ("/admin/", "/admin/pages/", "/django-admin/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.parametrize("role", [roles.PROFESSIONAL, roles.MODERATOR])
def test_every_admin_role_needs_a_second_factor(client_for, role):
    user = UserFactory(roles=[role], totp=False)
    assert client_for(user).get("/admin/")["Location"] == reverse("mfa_activate_totp")


def test_resident_is_not_asked_for_a_second_factor(client_for, resident):
    assert client_for(resident).get(reverse("accounts:mine")).status_code == 200
    assert client_for(resident).get("/admin/")["Location"] != reverse("mfa_activate_totp")


def test_staff_with_an_authenticator_app_reaches_the_admin(client_for, editor):
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()
    response = client_for(editor).get("/admin/")
    assert response.status_code == 200


def test_login_asks_staff_for_the_code_before_the_admin(client):
    editor = UserFactory(email="jord@example.org", roles=[roles.REDACTIE], is_staff=True)
    response = client.post(reverse("account_login"), {"login": editor.email, "password": "ruwaard-demo"})
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    page = client.get(reverse("mfa_authenticate")).content.decode()
    assert "Vul de code uit uw authenticator-app in" in page
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_setting_up_the_authenticator_app_opens_the_admin(client):
    editor = UserFactory(email="nieuw@example.org", roles=[roles.REDACTIE], is_staff=True, totp=False)
    client.post(reverse("account_login"), {"login": editor.email, "password": "ruwaard-demo"})
    assert client.get("/admin/")["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password again before a security setting changes.
    assert client.get(reverse("mfa_activate_totp"))["Location"].startswith(reverse("account_reauthenticate"))
    assert "Vul daarom eerst uw wachtwoord" in client.get(reverse("account_reauthenticate")).content.decode()
    client.post(reverse("account_reauthenticate"), {"password": "ruwaard-demo"})
    page = client.get(reverse("mfa_activate_totp"))
    assert "Authenticator-app instellen" in page.content.decode(), page
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.RECOVERY_CODES).exists()
    # the recovery codes come first, then a button leads on to where the editor was going
    codes = client.get(response["Location"]).content.decode()
    assert '<a class="button" href="/admin/">Ik heb de codes bewaard. Verder</a>' in codes
    assert client.get("/admin/").status_code == 200
    # arrived: the codes page no longer leads on
    assert "Ik heb de codes bewaard" not in client.get(response["Location"]).content.decode()

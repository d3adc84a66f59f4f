"""The seven demo logins of the README work, and loading twice adds no account."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command

from accounts.models import User
from demo import loader

pytestmark = pytest.mark.django_db


def test_load_demo_prints_the_seven_logins_and_sends_no_mail():
    mail.outbox.clear()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    text = out.getvalue()
    assert "password for all: ruwaard-demo" in text
    assert len(loader.accounts()) == 7
    for account in loader.accounts():
        assert account["email"] in text and account["label"] in text
    assert mail.outbox == []


def test_every_demo_account_logs_in_with_email_and_password(client, demo):
    for account in loader.accounts():
        client.logout()
        response = client.post("/account/login/", {"login": account["email"], "password": loader.password()})
        assert response.status_code == 302, response.content.decode()[:500]
        assert response["Location"] == "/mijn/"
        page = client.get("/mijn/")
        assert page.status_code == 200
        assert User.objects.get(email=account["email"]).public_name in page.content.decode()


def test_demo_loader_is_idempotent(demo):
    users, emails = User.objects.count(), EmailAddress.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert User.objects.count() == users == 7
    assert EmailAddress.objects.count() == emails

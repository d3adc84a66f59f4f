import io
import json
import uuid
import zipfile

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from accounts import roles
from accounts.models import User
from notifications.services import notify
from tests.factories import UserFactory, totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "een-goed-wachtwoord"
ACCOUNTS = [
    ("bewoner@example.org", "Fatma", [roles.BEWONER], False),
    ("vrijwilliger@example.org", "Henk", [roles.BEWONER, roles.VRIJWILLIGER], False),
    ("professional@example.org", "Sanne (ONS Welzijn)", [roles.PROFESSIONAL], False),
    ("redactie@example.org", "Jord (Rucreant)", [roles.REDACTIE], True),
    ("moderator@example.org", "Ingrid", [roles.MODERATOR], True),
]


@pytest.fixture
def accounts():
    """One verified account per role, with a password."""
    for email, name, role_names, is_staff in ACCOUNTS:
        UserFactory(email=email, display_name=name, roles=role_names, is_staff=is_staff, password=PASSWORD)


@pytest.mark.parametrize("email", [email for email, *_rest in ACCOUNTS])
def test_every_role_logs_in_with_email_and_password(client, accounts, email):
    response = client.post("/account/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    if roles.is_staff_account(User.objects.get(email=email)):
        # Staff have an authenticator app: the code is the second step.
        assert response["Location"] == "/account/2fa/authenticate/"
        response = client.post(response["Location"], {"code": totp_code()})
    assert response["Location"] == "/mijn/"
    page = client.get("/mijn/")
    assert page.status_code == 200
    assert User.objects.get(email=email).public_name in page.content.decode()


def test_email_addresses_are_not_duplicated(accounts):
    assert EmailAddress.objects.count() == User.objects.count() == len(ACCOUNTS)


def test_wrong_password_gets_a_dutch_message(client, accounts):
    response = client.post("/account/login/", {"login": "bewoner@example.org", "password": "fout"})
    assert response.status_code == 200
    assert "niet correct" in response.content.decode()


def test_signup_requires_privacy_consent_and_sends_verification(client):
    data = {
        "display_name": "Mieke",
        "email": "mieke@example.org",
        "password1": "een-lang-wachtwoord-9",
        "password2": "een-lang-wachtwoord-9",
    }
    refused = client.post("/account/signup/", data)
    assert refused.status_code == 200
    assert "akkoord gaat met de privacyverklaring" in refused.content.decode()
    assert not User.objects.filter(email="mieke@example.org").exists()

    accepted = client.post("/account/signup/", {**data, "accept_privacy": "on"})
    assert accepted.status_code == 302
    user = User.objects.get(email="mieke@example.org")
    assert user.display_name == "Mieke"
    assert user.privacy_accepted_at is not None
    assert user.has_role(roles.BEWONER)
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "mieke@example.org" in mail.outbox[0].to


def test_signup_page_shows_privacy_statement_in_dutch(client):
    html = client.get("/account/signup/").content.decode()
    assert "Zo gaan we om met uw gegevens" in html
    assert "Nooit uw e-mailadres" in html
    assert 'lang="nl"' in html


def test_login_by_code_is_offered(client):
    html = client.get("/account/login/").content.decode()
    assert "/account/login/code/" in html


def test_mine_requires_login(client):
    response = client.get("/mijn/")
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_export_contains_the_users_own_data_only(client_for, resident, other_resident):
    notify(kind="test", user=resident, text="Henk reageerde op uw vraag", url="/berichten/1/")
    notify(kind="test", user=other_resident, text="Iets voor Piet", url="/")
    response = client_for(resident).post("/mijn/gegevens/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["gegevens.json", "overzicht.html"]
    data = json.loads(archive.read("gegevens.json"))
    summary = archive.read("overzicht.html").decode()
    assert "Mijn gegevens bij Wij(k) de Ruwaard" in summary and resident.email in summary
    assert "Henk reageerde op uw vraag" in summary and "Iets voor Piet" not in summary
    assert "Meldingen (1)" in summary
    assert data["account"]["email"] == resident.email
    texts = [row["fields"]["text"] for row in data["notifications.notification.user"]]
    assert texts == ["Henk reageerde op uw vraag"]


def test_delete_account_needs_the_right_email_and_then_removes_everything(client_for, resident):
    notify(kind="test", user=resident, text="Hallo", url="/")
    c = client_for(resident)
    wrong = c.post("/mijn/verwijderen/", {"confirm_email": "iemand@example.org"})
    assert wrong.status_code == 400
    assert "niet het e-mailadres" in wrong.content.decode()
    assert User.objects.filter(pk=resident.pk).exists()

    done = c.post("/mijn/verwijderen/", {"confirm_email": resident.email})
    assert done.status_code == 302
    assert not User.objects.filter(pk=resident.pk).exists()
    from notifications.models import Notification

    assert not Notification.objects.filter(user_id=resident.pk).exists()


def test_public_name_never_shows_any_part_of_the_email_address(client_for, resident):
    user = User(email="jan.devries1952@example.org")
    assert user.public_name == "Buurtbewoner"
    response = client_for(resident).post("/mijn/naam/", {"display_name": ""})
    assert response.status_code == 400
    assert "Vul een naam in" in response.content.decode()
    assert User(email="x@example.org", display_name="Ans").initials == "A"


def test_login_by_code_mails_a_code_that_logs_in(client, accounts):
    import re

    mail.outbox.clear()
    response = client.post("/account/login/code/", {"email": "bewoner@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.outbox[0].body, re.MULTILINE).group(1)
    confirm = client.post(response["Location"], {"code": code})
    assert confirm.status_code == 302
    assert client.get("/mijn/").status_code == 200


def test_password_reset_page_speaks_to_the_resident_formally(client):
    html = client.get("/account/password/reset/").content.decode()
    assert "Vul uw e-mailadres in" in html
    assert " je " not in html.split('id="inhoud"', 1)[1]


def test_a_second_email_address_is_added_unconfirmed_and_gets_a_link(client_for, resident):
    client = client_for(resident)
    page = client.get("/account/email/").content.decode()
    assert 'name="action_add" class="button">Toevoegen</button>' in page
    response = client.post("/account/email/", {"action_add": "", "email": "fatma.nieuw@example.org"})
    assert response.status_code == 302
    added = EmailAddress.objects.get(user=resident, email="fatma.nieuw@example.org")
    assert not added.verified and not added.primary
    assert mail.outbox[-1].to == ["fatma.nieuw@example.org"]


def test_resending_the_confirmation_at_once_says_why_no_new_mail_comes(client_for, resident, settings):
    settings.ACCOUNT_RATE_LIMITS = {"confirm_email": "1/3m/key"}  # allauth's own default, off in tests
    address = f"fatma.{uuid.uuid4().hex[:8]}@example.org"
    client = client_for(resident)
    client.post("/account/email/", {"action_add": "", "email": address})
    sent = len(mail.outbox)
    assert mail.outbox[-1].to == [address]
    again = client.post("/account/email/", {"action_send": "", "email": address}, follow=True)
    assert len(mail.outbox) == sent  # held back by allauth's limit: one mail per address every few minutes
    assert "We stuurden net al een e-mail naar dit adres." in again.content.decode()

"""Listings expire after six weeks unless renewed with one click from the reminder mail."""

import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from marketplace import selectors, services
from marketplace.models import Status
from tests.mail_links import press_after_mail_scanners
from tests.pages import html_of, titles_of

from .factories import ListingFactory

pytestmark = pytest.mark.django_db


def _posted_on_2_march(**fields):
    """A listing posted on Monday 2 March 2026, 10:00; it runs until 13 April."""
    with time_machine.travel("2026-03-02 10:00 +0100", tick=False):
        return ListingFactory(**fields)


@pytest.fixture
def reminded(db):
    """A listing posted on 2 March, and the renew link in the reminder that goes out on 7 April."""
    listing = _posted_on_2_march(title="Wie leent mij een ladder?")
    with time_machine.travel("2026-04-07 10:00 +0200", tick=False):
        return listing, f"/vraag-en-aanbod/verlengen/{services.renew_token(listing=listing)}/"


def test_listing_expires_after_six_weeks_unless_renewed(resident, client, django_capture_on_commit_callbacks):
    with time_machine.travel("2026-03-02 10:00 +0100", tick=False):
        listing = ListingFactory(owner=resident, title="Wie leent mij een ladder?")
        renewed = ListingFactory(owner=resident, title="Wie helpt met mijn tuin?")
        assert listing.expires_at.isoformat() == "2026-04-13T09:00:00+00:00"

    with time_machine.travel("2026-04-07 10:00 +0200", tick=False):  # under a week left: reminder
        with django_capture_on_commit_callbacks(execute=True):
            assert services.send_expiry_reminders() == 2
            assert services.send_expiry_reminders() == 0  # only once
        body = next(m.body for m in mail.outbox if "tuin" in m.subject)
        assert len(mail.outbox) == 2 and mail.outbox[0].to == [resident.email]
        link = re.search(r"https?://\S+?(/vraag-en-aanbod/verlengen/\S+/)", body).group(1)
        response = client.post(link)
        assert response.status_code == 200 and "Verlengd!" in response.content.decode()

    with time_machine.travel("2026-04-13 12:00 +0200", tick=False):
        assert listing.title not in client.get("/vraag-en-aanbod/").content.decode()
        assert renewed.title in client.get("/vraag-en-aanbod/").content.decode()
        assert listing not in selectors.public_listings()
        call_command("marketplace_daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
        listing.refresh_from_db()
        renewed.refresh_from_db()
        assert listing.status == Status.EXPIRED and renewed.status == Status.OPEN
        assert renewed.expires_at.isoformat() == "2026-05-19T08:00:00+00:00"


def test_expired_listing_comes_back_with_renew_link(client, reminded):
    listing, link = reminded
    with time_machine.travel("2026-04-20 10:00 +0200", tick=False):
        services.expire_listings()
        listing.refresh_from_db()
        assert listing.status == Status.EXPIRED
        client.post(link)
        listing.refresh_from_db()
        assert listing.status == Status.OPEN and listing in selectors.public_listings()


def test_old_renew_link_no_longer_works(client):
    with time_machine.travel("2026-03-02 10:00 +0100", tick=False):
        listing = ListingFactory()
        token = services.renew_token(listing=listing)
    with time_machine.travel("2026-04-20 10:00 +0200", tick=False):
        assert client.get(f"/vraag-en-aanbod/verlengen/{token}/").status_code == 400


def test_bad_renew_link_gets_clear_message(client):
    listing = ListingFactory()
    response = client.get(f"/vraag-en-aanbod/verlengen/{listing.pk}:123:nep/")
    assert titles_of(html_of(response, 400)) == ("Deze link werkt niet meer", "Deze link werkt niet meer")


def test_hidden_listing_cannot_be_renewed(client):
    listing = ListingFactory(status=Status.HIDDEN)
    response = client.get(f"/vraag-en-aanbod/verlengen/{services.renew_token(listing=listing)}/")
    listing.refresh_from_db()
    assert response.status_code == 400 and listing.status == Status.HIDDEN


def test_daily_command_reports_what_it_did():
    import io

    _posted_on_2_march()
    out = io.StringIO()
    with time_machine.travel("2026-04-20 10:00 +0200", tick=False):
        call_command("marketplace_daily", stdout=out)
    assert "expired: 1" in out.getvalue() and "reminders: 0" in out.getvalue()


def test_owner_extends_from_the_listing_page(resident, other_resident, client_for):
    listing = _posted_on_2_march(owner=resident)
    with time_machine.travel("2026-04-20 10:00 +0200", tick=False):
        services.expire_listings()
        page = client_for(resident).get(listing.get_absolute_url()).content.decode()
        assert "Uw bericht is verlopen" in page
        assert client_for(other_resident).post(f"/vraag-en-aanbod/{listing.pk}/verlengen/").status_code == 404
        client_for(resident).post(f"/vraag-en-aanbod/{listing.pk}/verlengen/")
        listing.refresh_from_db()
        assert listing.status == Status.OPEN
        assert listing.expires_at.isoformat() == "2026-06-01T08:00:00+00:00"


def test_the_extend_button_comes_once_half_the_six_weeks_have_passed(resident, client_for):
    """Right after posting, "Nog zes weken laten staan" would change nothing: the page gives the date."""
    listing = _posted_on_2_march(owner=resident)
    button = "Nog zes weken laten staan"
    with time_machine.travel("2026-03-02 10:05 +0100", tick=False):
        page = client_for(resident).get(listing.get_absolute_url()).content.decode()
        assert button not in page and "staat online tot 13 april 2026" in page
        assert "Een week ervoor krijgt u een e-mail" in page
    with time_machine.travel("2026-03-23 11:00 +0100", tick=False):  # three weeks to go
        page = client_for(resident).get(listing.get_absolute_url()).content.decode()
        assert button in page and "staat online tot 13 april 2026" in page


def test_renew_link_extends_only_once(client, reminded):
    listing, link = reminded
    with time_machine.travel("2026-04-07 10:00 +0200", tick=False):
        assert titles_of(html_of(client.get(link))) == ("Wilt u uw bericht verlengen?",) * 2
        assert titles_of(html_of(client.post(link))) == ("Verlengd!", "Verlengd!")
        listing.refresh_from_db()
        first = listing.expires_at
    with time_machine.travel("2026-04-10 10:00 +0200", tick=False):
        again = client.post(link)
        listing.refresh_from_db()
    assert again.status_code == 200
    assert listing.expires_at == first


def test_opening_the_renew_link_changes_nothing_until_the_button_is_pressed(client, reminded):
    """Mail scanners open links (HEAD and GET): only the POST of the one button renews."""
    listing, link = reminded

    def expires_at():
        listing.refresh_from_db()
        return listing.expires_at

    with time_machine.travel("2026-04-07 10:00 +0200", tick=False):
        before, after = press_after_mail_scanners(client, link, button="Ja, verlengen", read=expires_at)
    assert after > before

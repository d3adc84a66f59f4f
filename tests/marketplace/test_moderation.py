"""First-post moderation, reports and hiding, with a frozen clock."""

import pytest
import time_machine

from marketplace.models import Listing, Status
from moderation.models import Decision, Report
from notifications.models import Notification
from tests.factories import UserFactory

from .factories import ConversationFactory, ListingFactory, MessageFactory


def decide(client, kind, pk, action, reason=""):
    return client.post(f"/moderatie/{kind}/{pk}/besluit/", {"action": action, "reason": reason})


FORM = {
    "kind": "vraag",
    "category": "tuin",
    "title": "Heg knippen",
    "text": "",
    "when": "altijd",
    "area": "heel",
}


@pytest.mark.django_db
@time_machine.travel("2026-03-02 10:00 +0100", tick=False)
def test_first_listing_of_new_user_waits_for_moderator(resident, moderator, client, client_for):
    client_for(resident).post("/vraag-en-aanbod/nieuw/", FORM)
    listing = Listing.objects.get()
    assert listing.is_pending
    assert "Heg knippen" not in client.get("/vraag-en-aanbod/").content.decode()
    assert client.get(listing.get_absolute_url()).status_code == 404
    owner_page = client_for(resident).get(listing.get_absolute_url()).content.decode()
    assert "Een moderator kijkt hier nog naar" in owner_page
    queue = client_for(moderator).get("/moderatie/").content.decode()
    assert "Heg knippen" in queue

    with time_machine.travel("2026-03-03 09:00 +0100", tick=False):
        decide(client_for(moderator), "listing", listing.pk, "approve")
        listing.refresh_from_db()
        assert not listing.is_pending
        assert listing.expires_at.isoformat() == "2026-04-14T08:00:00+00:00"  # six weeks from approval
        assert "Heg knippen" in client.get("/vraag-en-aanbod/").content.decode()
    assert Notification.objects.filter(user=resident, text__startswith="Uw bericht staat nu op").exists()

    # The second listing of the same person goes online at once.
    client_for(resident).post("/vraag-en-aanbod/nieuw/", {**FORM, "title": "Gras maaien"})
    assert not Listing.objects.get(title="Gras maaien").is_pending


@pytest.mark.django_db
def test_professional_posts_without_moderation(professional, client_for):
    client_for(professional).post("/vraag-en-aanbod/nieuw/", FORM)
    assert not Listing.objects.get().is_pending


@pytest.mark.django_db
def test_only_moderators_reach_the_queue(resident, client, client_for):
    listing = ListingFactory(is_pending=True)
    assert client.get("/moderatie/").status_code == 302  # to the login
    resident_client = client_for(resident)
    assert resident_client.get("/moderatie/").status_code == 403
    assert resident_client.get("/vraag-en-aanbod/moderatie/").status_code == 301  # the old address
    for action in ("approve", "hide"):
        assert decide(resident_client, "listing", listing.pk, action, "weg").status_code == 403
    assert not Decision.objects.exists()
    listing.refresh_from_db()
    assert listing.is_pending and listing.status == Status.OPEN


@pytest.mark.django_db
def test_reported_listing_hidden_is_gone_for_all_but_moderators_and_its_owner(
    resident, volunteer, moderator, client, client_for
):
    listing = ListingFactory(owner=resident, title="Koop mijn spullen")
    response = client_for(volunteer).post(f"/moderatie/melden/listing/{listing.pk}/", {"reason": "spam"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.kind, report.object_id, report.reporter) == ("listing", listing.pk, volunteer)
    assert "Koop mijn spullen" in client_for(moderator).get("/moderatie/").content.decode()

    decide(client_for(moderator), "listing", listing.pk, "hide", "Verkopen mag hier niet.")
    listing.refresh_from_db()
    report.refresh_from_db()
    assert listing.status == Status.HIDDEN and report.handled_by == moderator
    for viewer in (client, client_for(volunteer)):
        assert viewer.get(listing.get_absolute_url()).status_code == 404
        assert "Koop mijn spullen" not in viewer.get("/vraag-en-aanbod/").content.decode()
    owner_page = client_for(resident).get(listing.get_absolute_url())
    assert owner_page.status_code == 200
    assert "Een moderator heeft dit verborgen" in owner_page.content.decode()
    assert "Verkopen mag hier niet." in owner_page.content.decode()
    # The owner is told what to do next; the moderator, reading the same page, is not.
    assert "Wat kunt u doen?" in owner_page.content.decode()
    assert f'href="/vraag-en-aanbod/nieuw/?soort={listing.kind}"' in owner_page.content.decode()
    # no one can answer a hidden listing: the page promises no word about answers
    assert "Nog geen reacties." in owner_page.content.decode()
    assert "We laten het u weten" not in owner_page.content.decode()
    assert client_for(moderator).get(listing.get_absolute_url()).status_code == 200
    assert "Wat kunt u doen?" not in client_for(moderator).get(listing.get_absolute_url()).content.decode()
    told = Notification.objects.get(user=resident, kind="moderation_decision")
    assert "Verkopen mag hier niet." in told.text and told.url == listing.get_absolute_url()
    assert "Koop mijn spullen" not in client_for(resident).get("/vraag-en-aanbod/").content.decode()


@pytest.mark.django_db
def test_hidden_listing_title_is_gone_from_its_conversations(resident, volunteer, moderator, client_for):
    listing = ListingFactory(owner=resident, title="Koop mijn spullen")
    conversation = ConversationFactory(response__listing=listing, response__responder=volunteer)
    from marketplace.services import hide_listing

    hide_listing(listing=listing, by=moderator, reason="Spam")
    for user in (resident, volunteer):
        assert "Koop mijn spullen" not in client_for(user).get("/berichten/").content.decode()
        page = client_for(user).get(conversation.get_absolute_url()).content.decode()
        assert "Koop mijn spullen" not in page and "Een moderator heeft dit bericht" in page


@pytest.mark.django_db
def test_report_needs_a_known_reason(volunteer, client_for):
    listing = ListingFactory()
    response = client_for(volunteer).post(f"/moderatie/melden/listing/{listing.pk}/", {"reason": "iets"})
    assert response.status_code == 400
    assert "Kies een reden uit de lijst." in response.content.decode()
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_anonymous_cannot_report(client):
    listing = ListingFactory()
    response = client.post(f"/moderatie/melden/listing/{listing.pk}/", {"reason": "spam"})
    assert response.status_code == 302 and not Report.objects.exists()


@pytest.mark.django_db
def test_reported_message_hidden_by_moderator(resident, volunteer, moderator, client_for):
    conversation = ConversationFactory(
        response__listing=ListingFactory(owner=resident), response__responder=volunteer
    )
    message = MessageFactory(conversation=conversation, author=volunteer, text="Vervelende tekst")
    old_link = client_for(resident).get(f"/berichten/{conversation.pk}/melden/{message.pk}/")
    assert old_link.status_code == 302 and old_link["Location"] == f"/moderatie/melden/message/{message.pk}/"
    client_for(resident).post(f"/moderatie/melden/message/{message.pk}/", {"reason": "grof"})
    assert Report.objects.get().object_id == message.pk
    queue = client_for(moderator).get("/moderatie/").content.decode()
    assert "Vervelende tekst" in queue
    decide(client_for(moderator), "message", message.pk, "hide", "Grof.")
    for user in (resident, volunteer):
        page = client_for(user).get(conversation.get_absolute_url()).content.decode()
        assert "Vervelende tekst" not in page
        assert "Dit bericht is verborgen door een moderator." in page
    assert Report.objects.get().handled_at is not None


@pytest.mark.django_db
def test_moderator_dismisses_report(moderator, client_for):
    listing = ListingFactory(title="Gewoon goed")
    report = Report.objects.create(
        kind="listing", object_id=listing.pk, reporter=UserFactory(), reason="anders"
    )
    decide(client_for(moderator), "listing", listing.pk, "dismiss")
    report.refresh_from_db()
    listing.refresh_from_db()
    assert report.handled_at and listing.status == Status.OPEN
    assert Decision.objects.get().action == "dismiss"


@pytest.mark.django_db
def test_wagtail_admin_lists_listings_and_reports(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    ListingFactory(title="In de admin")
    page = client.get("/admin/snippets/marketplace/listing/")
    assert page.status_code == 200 and "In de admin" in page.content.decode()
    assert client.get("/admin/snippets/marketplace/listing/?status=open&kind=vraag").status_code == 200


def test_no_new_messages_after_the_listing_is_hidden(resident, volunteer, moderator):
    from core.exceptions import ApplicationError
    from marketplace.services import hide_listing, send_message

    listing = ListingFactory(owner=resident)
    conversation = ConversationFactory(response__listing=listing, response__responder=volunteer)
    hide_listing(listing=listing, by=moderator, reason="Spam")
    with pytest.raises(ApplicationError, match="verborgen"):
        send_message(conversation=conversation, author=volunteer, text="Nog even dit")
    assert not conversation.messages.filter(text="Nog even dit").exists()

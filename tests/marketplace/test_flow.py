"""The whole flow with two users, through the Django test client."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from marketplace import services
from marketplace.models import Conversation, Listing, Status
from notifications.models import Notification
from tests.pages import html_of, text_of, titles_of

from .factories import ListingFactory

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def texts(user):
    return [n.text for n in Notification.objects.filter(user=user).order_by("id")]


@pytest.mark.django_db
def test_vraag_to_klaar_with_two_users(resident, volunteer, client_for):
    ListingFactory(owner=resident, title="Eerder geplaatst")  # known poster: no first-post moderation
    owner, helper = client_for(resident), client_for(volunteer)

    # 1. The resident posts a vraag.
    response = owner.post(
        "/vraag-en-aanbod/nieuw/",
        {
            "kind": "vraag",
            "category": "klussen",
            "title": "Lamp ophangen",
            "text": "Ik heb geen ladder.",
            "when": "weekend",
            "area": "midden",
        },
    )
    listing = Listing.objects.get(title="Lamp ophangen")
    assert response.status_code == 302 and response["Location"] == listing.get_absolute_url()
    assert listing.status == Status.OPEN and not listing.is_pending
    assert "Lamp ophangen" in owner.get("/vraag-en-aanbod/").content.decode()

    # 2. The volunteer responds: a private conversation opens and the owner is told.
    response = helper.post(f"/vraag-en-aanbod/{listing.pk}/reageren/", {"text": "Ik kom zaterdag."})
    conversation = Conversation.objects.get(response__listing=listing)
    assert response["Location"] == f"/berichten/{conversation.pk}/"
    assert texts(resident)[-1] == "Henk reageert op: Lamp ophangen"
    assert "Lamp ophangen" in helper.get("/berichten/").content.decode()

    # 3. They write in the conversation; each message notifies the other.
    owner.post(f"/berichten/{conversation.pk}/", {"text": "Fijn, om elf uur?"})
    helper.post(f"/berichten/{conversation.pk}/", {"text": "Elf uur is goed."})
    page = owner.get(f"/berichten/{conversation.pk}/").content.decode()
    assert "Ik kom zaterdag." in page and "Fijn, om elf uur?" in page and "Elf uur is goed." in page
    assert texts(volunteer)[-1] == "Nieuw bericht van Fatma"
    assert texts(resident)[-1] == "Nieuw bericht van Henk"

    # 4. The owner accepts: afgesproken, and the volunteer hears it.
    assert helper.post(f"/berichten/{conversation.pk}/afspreken/").status_code == 302
    listing.refresh_from_db()
    assert listing.status == Status.OPEN  # only the owner may accept
    owner.post(f"/berichten/{conversation.pk}/afspreken/")
    listing.refresh_from_db()
    assert listing.status == Status.AGREED
    assert texts(volunteer)[-1] == "Afgesproken! Fatma heeft u gekozen voor: Lamp ophangen"

    # 5. Both mark done with a thank-you: klaar after the second.
    owner.post(f"/berichten/{conversation.pk}/klaar/", {"thanks": "Heel erg bedankt!"})
    listing.refresh_from_db()
    assert listing.status == Status.AGREED
    assert texts(volunteer)[-1] == "Fatma zegt: het is klaar. „Heel erg bedankt!”"
    assert (
        "Als Henk het ook zegt, staat het op „Klaar”"
        in owner.get(f"/berichten/{conversation.pk}/").content.decode()
    )
    helper_page = helper.get(f"/berichten/{conversation.pk}/").content.decode()
    assert (
        "Fatma heeft gezegd: het is klaar. Zegt u het ook?" in helper_page
        and "Het is klaar</button>" in helper_page
    )
    helper.post(f"/berichten/{conversation.pk}/klaar/", {"thanks": ""})
    listing.refresh_from_db()
    assert listing.status == Status.DONE
    assert texts(resident)[-1] == "Henk zegt: het is klaar."  # no thanks typed: none put in his mouth
    assert "Heel erg bedankt!" in helper.get(f"/berichten/{conversation.pk}/").content.decode()
    assert (
        "U en Henk hebben gezegd: het is klaar."
        in owner.get(f"/berichten/{conversation.pk}/").content.decode()
    )
    # The owner's listing page says the same of the conversation.
    mine = owner.get(listing.get_absolute_url()).content.decode()
    line = mine.split("Gesprek met Henk", 1)[1].split("</li>", 1)[0]
    assert "Klaar" in line and "Afgesproken" not in line


@pytest.mark.django_db
def test_second_response_cannot_be_accepted(resident, volunteer, other_resident, client_for):
    listing = ListingFactory(owner=resident)
    client_for(volunteer).post(f"/vraag-en-aanbod/{listing.pk}/reageren/", {"text": "Ik help."})
    client_for(other_resident).post(f"/vraag-en-aanbod/{listing.pk}/reageren/", {"text": "Ik ook."})
    first, second = Conversation.objects.filter(response__listing=listing).order_by("id")
    owner = client_for(resident)
    owner.post(f"/berichten/{first.pk}/afspreken/")
    owner.post(f"/berichten/{second.pk}/afspreken/")
    assert listing.responses.filter(accepted_at__isnull=False).count() == 1
    assert listing.responses.get(accepted_at__isnull=False).responder == volunteer


@pytest.mark.django_db
def test_owner_cannot_respond_to_own_listing(resident, client_for):
    listing = ListingFactory(owner=resident)
    response = client_for(resident).post(f"/vraag-en-aanbod/{listing.pk}/reageren/", {"text": "Hallo"})
    assert response.status_code == 400
    assert "U kunt niet reageren op uw eigen bericht." in response.content.decode()
    assert not Conversation.objects.exists()


@pytest.mark.django_db
def test_responding_twice_reuses_the_conversation(resident, volunteer, client_for):
    listing = ListingFactory(owner=resident)
    helper = client_for(volunteer)
    helper.post(f"/vraag-en-aanbod/{listing.pk}/reageren/", {"text": "Een"})
    helper.post(f"/vraag-en-aanbod/{listing.pk}/reageren/", {"text": "Twee"})
    conversation = Conversation.objects.get()
    assert list(conversation.messages.values_list("text", flat=True)) == ["Een", "Twee"]


@pytest.mark.django_db
def test_owner_can_close_listing(resident, client_for):
    listing = ListingFactory(owner=resident)
    client_for(resident).post(f"/vraag-en-aanbod/{listing.pk}/sluiten/")
    listing.refresh_from_db()
    assert listing.status == Status.CLOSED


@pytest.mark.django_db
def test_unverified_user_cannot_respond(resident, client_for):
    from tests.factories import UserFactory

    listing = ListingFactory(owner=resident)
    response = client_for(UserFactory(verified=False)).post(
        f"/vraag-en-aanbod/{listing.pk}/reageren/", {"text": "Ik help"}
    )
    assert response.status_code == 400
    assert "Bevestig eerst uw e-mailadres" in response.content.decode()
    assert not Conversation.objects.exists()


@pytest.mark.django_db
def test_cannot_respond_to_afgesproken_listing(resident, volunteer, client_for):
    listing = ListingFactory(owner=resident, status=Status.AGREED)
    response = client_for(volunteer).post(f"/vraag-en-aanbod/{listing.pk}/reageren/", {"text": "Ik help"})
    assert response.status_code == 400 and not Conversation.objects.exists()
    assert "Ik kan helpen" not in client_for(volunteer).get(listing.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_listing_form_names_itself_for_a_new_and_an_edited_post(resident, client_for):
    listing = ListingFactory(owner=resident)
    owner = client_for(resident)
    assert titles_of(html_of(owner.get("/vraag-en-aanbod/nieuw/"))) == ("Hulp vragen of bieden",) * 2
    edit = owner.get(f"/vraag-en-aanbod/{listing.pk}/wijzigen/")
    assert titles_of(html_of(edit)) == ("Uw bericht wijzigen",) * 2
    refused = owner.post(f"/vraag-en-aanbod/{listing.pk}/wijzigen/", {"title": ""})
    assert titles_of(html_of(refused, 400)) == ("Uw bericht wijzigen",) * 2


def test_my_conversations_newest_first_with_dutch_dates(resident, volunteer, client_for):
    for when, title in (
        ((11, 29), "Ladder lenen"),
        ((12, 2), "Hulp met de computer"),
        ((12, 1), "Samen koken"),
    ):
        with time_machine.travel(datetime(2026, *when, 10, 5, tzinfo=AMSTERDAM), tick=False):
            services.respond(
                listing=ListingFactory(owner=resident, title=title), responder=volunteer, text="Ik help."
            )
    text = text_of(client_for(resident).get("/berichten/"))
    newest_first = ["Hulp met de computer", "Samen koken", "Ladder lenen"]
    assert sorted(newest_first, key=text.index) == newest_first
    assert "2 dec 10:05" in text and "29 nov 10:05" in text and " Dec " not in text


@pytest.mark.django_db
def test_reading_a_conversation_marks_its_new_message_notifications_read(resident, volunteer, client_for):
    listing = ListingFactory(owner=resident)
    client_for(volunteer).post(f"/vraag-en-aanbod/{listing.pk}/reageren/", {"text": "Ik help graag."})
    conversation = Conversation.objects.get(response__listing=listing)
    client_for(volunteer).post(f"/berichten/{conversation.pk}/", {"text": "Zaterdag om tien uur?"})
    other = Notification.objects.create(user=resident, kind="other", text="Iets anders", url="/agenda/")
    theirs = Notification.objects.create(
        user=volunteer, kind="message", text="Van Fatma", url=conversation.get_absolute_url()
    )
    unread = Notification.objects.filter(user=resident, read_at__isnull=True)
    assert unread.filter(url=conversation.get_absolute_url()).count() == 2

    listed = client_for(resident).get("/berichten/").content.decode()
    assert '<span class="tag tag--open">Nieuw</span>' in listed.split(conversation.get_absolute_url())[0]

    client_for(resident).get(f"/berichten/{conversation.pk}/")
    assert list(unread.all()) == [other]  # only what this page is about is read
    assert ">Nieuw</span>" not in client_for(resident).get("/berichten/").content.decode()
    theirs.refresh_from_db()
    assert theirs.read_at is None  # the other side's stay theirs


@pytest.mark.django_db
def test_an_answer_that_is_too_long_comes_back_with_what_was_typed(client_for, volunteer):
    from tests.marketplace.factories import ListingFactory

    listing = ListingFactory(title="Wie helpt met de heg?")
    typed = "Ik kan helpen. " * 150  # over 2000 characters
    response = client_for(volunteer).post(f"/vraag-en-aanbod/{listing.pk}/reageren/", {"text": typed})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ik kan helpen. Ik kan helpen." in html and "2000" in html  # the text, and what is wrong


@pytest.mark.django_db
def test_a_thank_you_that_is_too_long_is_not_lost(client_for):
    from django.utils import timezone

    from marketplace.models import Response
    from tests.marketplace.factories import ConversationFactory

    conversation = ConversationFactory(response__accepted_at=timezone.now())
    owner = conversation.response.listing.owner
    thanks = "Heel erg bedankt voor alles! " * 12  # over 300 characters
    response = client_for(owner).post(f"/berichten/{conversation.pk}/klaar/", {"thanks": thanks})
    assert response.status_code == 400
    assert "Heel erg bedankt voor alles!" in response.content.decode()
    assert Response.objects.get(pk=conversation.response.pk).owner_done_at is None  # not said yet

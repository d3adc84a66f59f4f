"""Conversations are for their two participants; privacy on listing pages."""

import re

import pytest

from tests.factories import UserFactory

from .factories import ConversationFactory, ListingFactory, MessageFactory


@pytest.fixture
def conversation(resident, volunteer):
    listing = ListingFactory(owner=resident)
    conversation = ConversationFactory(response__listing=listing, response__responder=volunteer)
    MessageFactory(conversation=conversation, author=volunteer, text="Geheim bericht")
    return conversation


def conversation_urls(conversation):
    message = conversation.messages.first()
    pk = conversation.pk
    return [
        ("get", f"/berichten/{pk}/"),
        ("post", f"/berichten/{pk}/"),
        ("post", f"/berichten/{pk}/afspreken/"),
        ("post", f"/berichten/{pk}/klaar/"),
        ("get", f"/berichten/{pk}/melden/{message.pk}/"),
        ("post", f"/berichten/{pk}/melden/{message.pk}/"),
    ]


@pytest.mark.django_db
def test_third_user_cannot_reach_any_conversation_url(conversation, other_resident, client_for):
    stranger = client_for(other_resident)
    for method, url in conversation_urls(conversation):
        response = getattr(stranger, method)(url, {"text": "hoi", "reason": "spam", "thanks": "x"})
        assert response.status_code in (403, 404), url
        assert "Geheim bericht" not in response.content.decode()
    assert conversation.messages.count() == 1
    assert "Geheim bericht" not in stranger.get("/berichten/").content.decode()


@pytest.mark.django_db
def test_moderator_cannot_read_conversation_directly(conversation, moderator, client_for):
    assert client_for(moderator).get(f"/berichten/{conversation.pk}/").status_code == 404


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_login(conversation, client):
    for method, url in conversation_urls(conversation):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"]


@pytest.mark.django_db
def test_both_participants_read_conversation(conversation, resident, volunteer, client_for):
    for user in (resident, volunteer):
        assert "Geheim bericht" in client_for(user).get(f"/berichten/{conversation.pk}/").content.decode()


PHONE = re.compile(r"\b0\d[\d -]{7,}\b")


@pytest.mark.django_db
def test_listing_page_shows_no_email_or_phone_of_owner(client, client_for, volunteer):
    owner = UserFactory(email="fatma.yilmaz@voorbeeld.nl", display_name="Fatma")
    listing = ListingFactory(owner=owner, title="Boodschappen")
    for viewer in (client, client_for(volunteer), client_for(owner)):
        page = viewer.get(listing.get_absolute_url()).content.decode()
        assert "Fatma" in page
        assert "fatma.yilmaz" not in page and "voorbeeld.nl" not in page
        main = page.split("<main", 1)[1].split("</main>", 1)[0]
        assert "@" not in main
        assert not PHONE.search(main)

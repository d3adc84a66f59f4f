"""A double tap stores one vraag, one message and one story: the second send gets the first."""

import pytest
from django.db import connection

from marketplace import services as marketplace
from marketplace.models import Listing, Message
from tests.concurrency import at_once
from tests.marketplace.factories import ConversationFactory

pytestmark = pytest.mark.django_db


def _ask(owner, title="Wie helpt met de heg?"):
    return marketplace.create_listing(
        owner=owner, kind="vraag", category="tuin", title=title, text="Het is een lange heg."
    )


def test_the_same_vraag_sent_twice_is_stored_once(resident):
    first, second = _ask(resident), _ask(resident)
    assert first.pk == second.pk and Listing.objects.filter(owner=resident).count() == 1
    assert _ask(resident, title="Wie helpt met het gras?").pk != first.pk  # another vraag is another


def test_the_same_message_sent_twice_is_stored_once(client_for):
    conversation = ConversationFactory()
    owner = conversation.response.listing.owner
    for _tap in range(2):
        response = client_for(owner).post(conversation.get_absolute_url(), {"text": "Tot morgen!"})
        assert response.status_code == 302
    assert Message.objects.filter(conversation=conversation, text="Tot morgen!").count() == 1


def test_the_same_story_sent_twice_is_stored_once(resident):
    from stories.models import StoryPage
    from stories.services import submit_story
    from tests.stories.factories import story_index

    index = story_index()
    sent = [
        submit_story(
            author=resident,
            index=index,
            title="Onze moestuin",
            text="We zaaien samen.",
            publication_consent=True,
        )
        for _tap in range(2)
    ]
    assert sent[0].pk == sent[1].pk and StoryPage.objects.filter(submitted_by=resident).count() == 1


@pytest.mark.django_db(transaction=True)
def test_three_taps_at_the_same_moment_store_one_vraag():
    from tests.factories import UserFactory

    if connection.vendor != "postgresql":
        pytest.skip("needs a database that takes writes from two connections at once")
    owner = UserFactory()
    errors = at_once(lambda _tap: _ask(owner), [1, 2, 3])
    assert errors == [] and Listing.objects.filter(owner=owner).count() == 1


def test_the_same_word_after_the_other_spoke_is_a_new_message(client_for):
    conversation = ConversationFactory()
    owner, helper = conversation.response.listing.owner, conversation.response.responder
    client_for(owner).post(conversation.get_absolute_url(), {"text": "Ja"})
    client_for(helper).post(conversation.get_absolute_url(), {"text": "Om tien uur dan?"})
    client_for(owner).post(conversation.get_absolute_url(), {"text": "Ja"})
    texts = list(
        Message.objects.filter(conversation=conversation).order_by("pk").values_list("text", flat=True)
    )
    assert texts[-3:] == ["Ja", "Om tien uur dan?", "Ja"]


def test_the_same_vraag_for_another_resident_is_another_vraag(volunteer):
    first, second = (
        marketplace.create_listing(
            owner=volunteer,
            kind="vraag",
            category="boodschappen",
            title="Boodschappen doen",
            on_behalf_name=name,
            consent=True,
        )
        for name in ("Mevrouw Jansen", "Meneer De Vries")
    )
    assert first.pk != second.pk
    assert sorted(Listing.objects.values_list("on_behalf_name", flat=True)) == [
        "Meneer De Vries",
        "Mevrouw Jansen",
    ]


@pytest.mark.django_db(transaction=True)
def test_both_people_of_a_conversation_writing_at_once_are_both_stored():
    if connection.vendor != "postgresql":
        pytest.skip("needs a database that takes writes from two connections at once")
    for _round in range(3):
        conversation = ConversationFactory()
        people = [conversation.response.listing.owner, conversation.response.responder]
        errors = at_once(
            lambda person, conversation=conversation: marketplace.send_message(
                conversation=conversation, author=person, text=f"Hallo van {person.pk}"
            ),
            people,
        )
        assert errors == []
        assert Message.objects.filter(conversation=conversation, text__startswith="Hallo van").count() == 2

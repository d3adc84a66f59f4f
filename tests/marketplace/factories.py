import factory
from django.utils import timezone

from marketplace.models import LIFETIME, Conversation, Listing, Message, Response
from tests.factories import UserFactory


class ListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Listing

    owner = factory.SubFactory(UserFactory)
    kind = "vraag"
    category = "boodschappen"
    title = factory.Sequence(lambda n: f"Hulp gezocht {n}")
    text = "Eén keer per week naar de supermarkt."
    when = "ochtend"
    area = "noord"
    created_at = factory.LazyFunction(timezone.now)
    shown_at = factory.LazyAttribute(lambda o: o.created_at)
    expires_at = factory.LazyAttribute(lambda o: o.created_at + LIFETIME)


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    listing = factory.SubFactory(ListingFactory)
    responder = factory.SubFactory(UserFactory)


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    response = factory.SubFactory(ResponseFactory)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    conversation = factory.SubFactory(ConversationFactory)
    author = factory.LazyAttribute(lambda o: o.conversation.response.responder)
    text = "Ik kan u helpen."

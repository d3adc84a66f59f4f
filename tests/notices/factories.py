import factory

from notices.models import Membership, Notice, PreventionGroup
from tests.factories import NamedFactory, UserFactory


class PreventionGroupFactory(NamedFactory):
    class Meta:
        model = PreventionGroup

    name = factory.Sequence(lambda n: f"Buurtpreventie {n}")
    area = "Rond de Kastanjelaan"
    description = "We lopen samen rondes."


class MembershipFactory(factory.django.DjangoModelFactory):
    """An approved member unless told otherwise."""

    class Meta:
        model = Membership

    group = factory.SubFactory(PreventionGroupFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.APPROVED


class NoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notice

    group = factory.SubFactory(PreventionGroupFactory)
    author = factory.SubFactory(UserFactory)
    level = Notice.Level.INFO
    text = factory.Sequence(lambda n: f"Melding nummer {n} over de straat")
    street = "Lindenlaan"

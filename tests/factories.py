"""Factories shared by every app's tests."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils.text import slugify

from accounts.models import User
from organisations.models import HelpTopic, Membership, Organisation


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    display_name = factory.Faker("first_name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", "ruwaard-demo")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*[Group.objects.get_or_create(name=name)[0] for name in extracted])

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        if create:
            self.save()


class NamedFactory(factory.django.DjangoModelFactory):
    """A row known by its name, with the slug made from it; asking twice for one slug gives one row."""

    class Meta:
        abstract = True
        django_get_or_create = ("slug",)

    slug = factory.LazyAttribute(lambda row: slugify(row.name))


class OrganisationFactory(NamedFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    summary = "Helpt bewoners van Ruwaard."
    helps_with = "Vragen over van alles."
    help_topics = factory.LazyFunction(lambda: [HelpTopic.MEETING])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)

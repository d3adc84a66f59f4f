"""Factories shared by every app's tests."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

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


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    summary = "Helpt bewoners van Ruwaard."
    helps_with = "Vragen over van alles."
    help_topics = factory.LazyFunction(lambda: [HelpTopic.MEETING])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)

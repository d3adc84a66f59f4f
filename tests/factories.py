"""Factories shared by every app's tests."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils.text import slugify

from accounts import roles
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

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        """Staff accounts get an authenticator app (the admin demands one); `totp=False` leaves it out."""
        if create and extracted is not False and (extracted or roles.is_staff_account(self)):
            enroll_totp(self)
        for cache in ("_role_names", "_perm_cache", "_user_perm_cache", "_group_perm_cache"):
            self.__dict__.pop(cache, None)


TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def enroll_totp(user, secret: str = TOTP_SECRET):
    from allauth.mfa.totp.internal.auth import TOTP

    return TOTP.activate(user, secret).instance


def totp_code(secret: str = TOTP_SECRET) -> str:
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    # A code made in the last seconds of its period is stale by the time the request checks it: wait.
    left = app_settings.TOTP_PERIOD - time.time() % app_settings.TOTP_PERIOD
    if left < 3:
        time.sleep(left + 0.1)
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


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

    class Params:
        # The debt counsellors that tests find by their name, their topic and what they help with.
        schuldhulp = factory.Trait(
            name="Schuldhulp Oss",
            slug="schuldhulp",
            helps_with="Rekeningen die u niet kunt betalen.",
            help_topics=factory.LazyFunction(lambda: [HelpTopic.MONEY]),
        )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)

"""Reads about organisations, used by the directory and by other apps."""

from django.db.models import QuerySet

from .models import HelpTopic, Organisation


def organisation_list(*, topic: str | None = None) -> QuerySet[Organisation]:
    qs = Organisation.objects.active().select_related("logo")
    if topic:
        qs = qs.helping_with(topic)
    return qs


def organisations_of(*, user) -> QuerySet[Organisation]:
    """The organisations a user acts for (empty for anonymous users)."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.active().filter(memberships__user=user)


def is_member_of(*, user, organisation: Organisation) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return organisation.memberships.filter(user=user).exists()


def topic_choices() -> list[tuple[str, str]]:
    return list(HelpTopic.choices)

"""Reads of personal notifications."""

from django.db.models import Count, Max, Q

from accounts.roles import is_moderator

from .kinds import DEFAULTS, MODERATOR_KINDS, Default, Kind, normalise
from .models import Notification, Preference, PushSubscription

CATCH_UP_LIMIT = 100


def notification_list(*, user, limit: int = 50) -> list[Notification]:
    return list(Notification.objects.for_user(user).order_by("-created_at", "-id")[:limit])


def summary(*, user) -> dict:
    """Unread count and newest id, in one query (for the header badge)."""
    return Notification.objects.for_user(user).aggregate(
        unread=Count("id", filter=Q(read_at__isnull=True)), last=Max("id")
    )


def unread_urls(*, user) -> set[str]:
    """The pages the user has something unread about (a conversation with a new message, …); one query."""
    return set(Notification.objects.for_user(user).unread().exclude(url="").values_list("url", flat=True))


def since(*, user, last_id: int, limit: int = CATCH_UP_LIMIT) -> list[Notification]:
    """The user's notifications newer than `last_id`, oldest first (catching up after a reconnect)."""
    return list(Notification.objects.for_user(user).filter(pk__gt=last_id).order_by("id")[:limit])


def preferences(*, user_ids: list[int], kind: str) -> dict[int, Default]:
    """Each user's choice for `kind` (the default where they chose nothing), in one query."""
    kind = normalise(kind)
    chosen = {
        p.user_id: Default(p.email, p.push)
        for p in Preference.objects.filter(user_id__in=user_ids, kind=kind).only("user_id", "email", "push")
    }
    return {user_id: chosen.get(user_id, DEFAULTS[kind]) for user_id in user_ids}


def preference(*, user, kind: str) -> Default:
    return preferences(user_ids=[user.pk], kind=kind)[user.pk]


def settings_for(*, user) -> list[dict]:
    """Every kind this user can get, with their choice, for the form on /mijn/."""
    chosen = {p.kind: Default(p.email, p.push) for p in Preference.objects.filter(user=user)}
    moderator = is_moderator(user)
    return [
        {"kind": kind, "label": label, "choice": chosen.get(kind, DEFAULTS[kind])}
        for kind, label in Kind.choices
        if moderator or kind not in MODERATOR_KINDS
    ]


def devices(*, user) -> list[PushSubscription]:
    return list(PushSubscription.objects.filter(user=user).order_by("-created_at", "-id"))

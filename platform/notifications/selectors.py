"""Reads of personal notifications."""

from django.db.models import Count, Max, Q

from .models import Notification

CATCH_UP_LIMIT = 100


def notification_list(*, user, limit: int = 50) -> list[Notification]:
    return list(Notification.objects.for_user(user).order_by("-created_at", "-id")[:limit])


def summary(*, user) -> dict:
    """Unread count and newest id, in one query (for the header badge)."""
    return Notification.objects.for_user(user).aggregate(
        unread=Count("id", filter=Q(read_at__isnull=True)), last=Max("id")
    )


def since(*, user, last_id: int, limit: int = CATCH_UP_LIMIT) -> list[Notification]:
    """The user's notifications newer than `last_id`, oldest first (catching up after a reconnect)."""
    return list(Notification.objects.for_user(user).filter(pk__gt=last_id).order_by("id")[:limit])

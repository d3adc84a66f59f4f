"""Writes on personal notifications. The one way for any app to tell a user something."""

from django.db import transaction
from django.utils import timezone

from core.transaction import after_commit

from . import realtime
from .models import Notification


@transaction.atomic
def notify(*, user, kind: str, text: str, url: str = "") -> Notification:
    """Store a notification for `user`; it reaches their open pages once the transaction commits."""
    notification = Notification.objects.create(user=user, text=text[:300], url=url[:300], kind=kind[:40])
    after_commit(realtime.send_notification, user_id=notification.user_id, message=notification.as_message())
    return notification


@transaction.atomic
def mark_read(*, user, ids: list[int] | None = None) -> int:
    """Mark the user's unread notifications (or only those in `ids`) read; returns how many."""
    qs = Notification.objects.for_user(user).unread()
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=timezone.now())


def forget_links(urls: list[str]) -> int:
    """Remove notifications that point at things that no longer exist (an account and its posts went)."""
    deleted, _kinds = Notification.objects.filter(url__in=urls).delete()
    return deleted

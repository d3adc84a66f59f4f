"""The one notification service other apps call. A notification carries a text and a URL."""

from django.db import transaction
from django.utils import timezone

from .models import Notification


def notify_user(*, user, text: str, url: str = "", kind: str = "") -> Notification:
    """Store a personal notification for `user`; live delivery follows on commit."""
    notification = Notification.objects.create(user=user, text=text[:300], url=url[:300], kind=kind[:40])
    transaction.on_commit(lambda: _push_notification(notification))
    return notification


def mark_notifications_read(*, user, ids: list[int] | None = None) -> int:
    qs = Notification.objects.for_user(user).unread()
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=timezone.now())


def _push_notification(notification: Notification) -> None:
    from .realtime import send_to_user

    send_to_user(user_id=notification.user_id, message=notification.as_message())

"""Writes on personal notifications. The one way for any app to tell a user something.

`notify` stores the notification (the site always shows it) and routes it by the user's preference for its
kind: an e-mail at once, a place in the daily or weekly digest, and a push message to their devices. Mail and
push leave through one task, enqueued once the writing transaction commits.
"""

import logging
from collections import defaultdict
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import ApplicationError
from core.site import site_root
from core.tasks import enqueue_on_commit, send_mail_task
from core.transaction import after_commit

from . import emails, push, realtime, selectors
from .kinds import DEFAULTS, GROUP_KINDS, Email, Kind, normalise
from .models import Notification, Preference, PushSubscription

logger = logging.getLogger(__name__)

WEEKLY_DIGEST_WEEKDAY = 0  # Monday
MAX_DEVICES = 10


@transaction.atomic
def notify(*, user, kind: str, text: str, url: str = "") -> Notification:
    """Store a notification for `user`; it reaches their open pages, mailbox and devices after commit."""
    return notify_many(users=[user], kind=kind, text=text, url=url)[0]


@transaction.atomic
def notify_many(*, users, kind: str, text: str, url: str = "") -> list[Notification]:
    """The same notification for many users (a group's members) in a few queries and one delivery task."""
    kind = normalise(kind)
    users = list(users)
    if not users:
        return []
    choices = selectors.preferences(user_ids=[u.pk for u in users], kind=kind)
    rows = [
        Notification(
            user=user,
            text=text[:300],
            url=url[:300],
            kind=kind,
            digest=choices[user.pk].email if choices[user.pk].email in (Email.DAILY, Email.WEEKLY) else "",
        )
        for user in users
    ]
    if len(rows) == 1:
        rows[0].save()
    else:
        rows = Notification.objects.bulk_create(rows)  # SQLite and PostgreSQL return the new ids
    if kind not in GROUP_KINDS:
        for row in rows:
            after_commit(realtime.send_notification, user_id=row.user_id, message=row.as_message())
    to_deliver = [
        row.pk for row in rows if choices[row.user_id].email == Email.INSTANT or choices[row.user_id].push
    ]
    if to_deliver:
        from .tasks import deliver_notifications

        enqueue_on_commit(deliver_notifications, notification_ids=to_deliver)
    return rows


@transaction.atomic
def mark_read(*, user, ids: list[int] | None = None, url: str | None = None) -> int:
    """Mark the user's unread notifications read: all, those in `ids`, or those that lead to `url` (the
    page they are reading, e.g. a conversation); returns how many."""
    qs = Notification.objects.for_user(user).unread()
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    if url is not None:
        qs = qs.filter(url=url)
    return qs.update(read_at=timezone.now())


# Delivery (runs in the worker) ---------------------------------------------------------------------


def quiet_hours() -> tuple[int, int] | None:
    """PUSH_QUIET_HOURS ("22-7") as (start, end) hours, or None when there are none."""
    spec = (settings.PUSH_QUIET_HOURS or "").strip()
    try:
        start, end = (int(part) % 24 for part in spec.split("-", 1))
    except ValueError:
        return None
    return None if start == end else (start, end)


def quiet_hours_end(moment: datetime | None = None) -> datetime | None:
    """When the quiet hours that `moment` falls in end (local time), or None when it falls outside them."""
    hours = quiet_hours()
    if hours is None:
        return None
    start, end = hours
    local = timezone.localtime(moment or timezone.now())
    quiet = start <= local.hour < end if start < end else local.hour >= start or local.hour < end
    if not quiet:
        return None
    day = local.date() if local.hour < end else local.date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time(end)))


def _with_choices(notifications: list[Notification]):
    """Each notification of an active user with that user's choice for its kind; one query per kind."""
    by_kind: dict[str, list[Notification]] = defaultdict(list)
    for notification in notifications:
        by_kind[normalise(notification.kind)].append(notification)
    for kind, group in by_kind.items():
        choices = selectors.preferences(user_ids=[n.user_id for n in group], kind=kind)
        for notification in group:
            if notification.user.is_active:
                yield notification, choices[notification.user_id]


def deliver(*, notification_ids: list[int]) -> dict:
    """E-mail at once and push to devices, each as the user chose for the notification's kind."""
    notifications = list(Notification.objects.filter(pk__in=notification_ids).select_related("user"))
    mails, pushes = [], []
    for notification, choice in _with_choices(notifications):
        if choice.email == Email.INSTANT and notification.user.email:
            mails.append(emails.notification_email(notification))
        if choice.push:
            pushes.append(notification)
    sent = _send_mails(mails)
    pushed, removed = _push(pushes)
    return {"emails": sent, "pushes": pushed, "removed": removed}


def _send_mails(messages: list) -> int:
    if not messages:
        return 0
    from django.core.mail import get_connection

    with get_connection() as connection:
        return connection.send_messages(messages) or 0


def _push(notifications: list[Notification]) -> tuple[int, int]:
    if not notifications:
        return 0, 0
    urgent = any(n.kind == Kind.NOTICE_URGENT for n in notifications)
    until = None if urgent else quiet_hours_end()
    if until is not None:
        _push_after_quiet_hours([n.pk for n in notifications], until=until)
        return 0, 0
    by_user = {n.user_id: n for n in notifications}
    messages = [
        (sub.pk, sub.as_info(), push_payload(by_user[sub.user_id]))
        for sub in PushSubscription.objects.filter(user_id__in=by_user)
    ]
    outcomes = push.send_many(messages=messages, urgent=urgent)
    gone = [o.subscription_id for o in outcomes if o.gone]
    delivered = [o.subscription_id for o in outcomes if o.delivered]
    if gone:
        PushSubscription.objects.filter(pk__in=gone).delete()
    if delivered:
        PushSubscription.objects.filter(pk__in=delivered).update(last_used_at=timezone.now())
    return len(delivered), len(gone)


def _push_after_quiet_hours(notification_ids: list[int], until: datetime) -> None:
    from .tasks import push_held_notifications

    if not push_held_notifications.get_backend().supports_defer:  # no worker (tests, a quick demo)
        logger.info("pushes of %s not held until %s: the task backend cannot defer", notification_ids, until)
        return
    push_held_notifications.using(run_after=until).enqueue(notification_ids=notification_ids)


def push_held(*, notification_ids: list[int]) -> dict:
    """After quiet hours: one push per person, of the newest thing held back, if it is still their newest
    unread notification (else they read it on the site, or a later batch pushes the newer one) and they
    still want it pushed."""
    held = list(Notification.objects.unread().filter(pk__in=notification_ids).select_related("user"))
    newest_unread = dict(
        Notification.objects.unread()
        .filter(user_id__in={n.user_id for n in held})
        .values("user_id")
        .annotate(newest=Max("pk"))
        .values_list("user_id", "newest")
    )
    newest = [n for n in held if newest_unread.get(n.user_id) == n.pk]
    pushed, removed = _push([n for n, choice in _with_choices(newest) if choice.push])
    return {"pushes": pushed, "removed": removed}


def push_payload(notification: Notification) -> dict:
    """What the service worker shows: a title, the text and the page to open."""
    urgent = notification.kind == Kind.NOTICE_URGENT
    return {
        "title": _("Spoed") if urgent else "Wij(k) de Ruwaard",
        "body": notification.text,
        "url": _site_path(notification.url),
        "tag": f"melding-{notification.pk}",
        "urgent": urgent,
    }


def _site_path(url: str) -> str:
    """A path on this site for the service worker to open (it opens nothing elsewhere)."""
    absolute = emails.absolute(url)
    return absolute[len(site_root()) :] or "/"


# Digests ------------------------------------------------------------------------------------------


def send_digests(*, now: datetime | None = None) -> dict[str, int]:
    """The daily digest every day; the weekly one on Mondays, or once its oldest item is a week old."""
    now = now or timezone.now()
    sent = {"daily": _send_digest(period=Email.DAILY, now=now)}
    week_old = Notification.objects.awaiting_digest(Email.WEEKLY).filter(
        created_at__lte=now - timedelta(days=7)
    )
    if timezone.localtime(now).weekday() == WEEKLY_DIGEST_WEEKDAY or week_old.exists():
        sent["weekly"] = _send_digest(period=Email.WEEKLY, now=now)
    return sent


def _send_digest(*, period: str, now: datetime) -> int:
    pending = (
        Notification.objects.awaiting_digest(period)
        .filter(created_at__lte=now)
        .select_related("user")
        .order_by("user_id", "created_at", "id")
    )
    per_user: dict[int, list[Notification]] = defaultdict(list)
    for notification in pending:
        per_user[notification.user_id].append(notification)
    count = 0
    for items in per_user.values():
        user = items[0].user
        with transaction.atomic():
            # Claim the rows first: a second run of the job at the same time sends nothing twice.
            claimed = Notification.objects.filter(
                pk__in=[n.pk for n in items], digested_at__isnull=True
            ).update(digested_at=now)
            if not claimed or not user.is_active or not user.email:
                continue
            message = emails.digest_email(user=user, notifications=items, period=period)
            enqueue_on_commit(send_mail_task, **_mail_kwargs(message))
        count += 1
    return count


def _mail_kwargs(message) -> dict:
    html = next((content for content, mimetype in message.alternatives if mimetype == "text/html"), "")
    return {
        "subject": message.subject,
        "body": message.body,
        "to": list(message.to),
        "html": html,
        "headers": dict(message.extra_headers),
    }


# Preferences ----------------------------------------------------------------------------------------


@transaction.atomic
def set_preferences(*, user, choices: dict[str, tuple[str, bool]]) -> None:
    """Store the user's choice per kind; a choice equal to the default stores nothing."""
    for kind, (email, wants_push) in choices.items():
        if kind not in Kind.values or email not in Email.values:
            raise ApplicationError(_("Deze keuze kennen we niet."))
        default = DEFAULTS[kind]
        if (email, wants_push) == (default.email, default.push):
            Preference.objects.filter(user=user, kind=kind).delete()
        else:
            Preference.objects.update_or_create(
                user=user, kind=kind, defaults={"email": email, "push": wants_push}
            )


@transaction.atomic
def unsubscribe(*, target: emails.Unsubscribe) -> list[str]:
    """The one-click link: no more e-mail for that kind (or for that digest). Returns the kinds turned off."""
    user = get_user_model().objects.filter(pk=target.user_id).first()
    if user is None:
        return []
    if target.kind:
        kinds = [target.kind]
    else:
        kinds = [
            row["kind"] for row in selectors.settings_for(user=user) if row["choice"].email == target.period
        ]
    for kind in kinds:
        current = selectors.preference(user=user, kind=kind)
        Preference.objects.update_or_create(
            user=user, kind=kind, defaults={"email": Email.OFF, "push": current.push}
        )
    if target.period:
        Notification.objects.for_user(user).awaiting_digest(target.period).update(digested_at=timezone.now())
    return kinds


# Devices --------------------------------------------------------------------------------------------


@transaction.atomic
def add_device(*, user, endpoint: str, p256dh: str, auth: str, label: str = "") -> PushSubscription:
    """Register a browser's push subscription; only endpoints of known push services."""
    problem = push.endpoint_problem(endpoint) or push.keys_problem(p256dh=p256dh, auth=auth)
    if problem:
        raise ApplicationError(problem, field="endpoint")
    others = PushSubscription.objects.filter(user=user).exclude(endpoint=endpoint)
    if others.count() >= MAX_DEVICES:
        raise ApplicationError(
            _("U heeft al %(max)s apparaten aangezet. Verwijder er eerst een.") % {"max": MAX_DEVICES},
            field="endpoint",
        )
    subscription, _created = PushSubscription.objects.update_or_create(
        endpoint=endpoint, defaults={"user": user, "p256dh": p256dh, "auth": auth, "label": label[:120]}
    )
    return subscription


@transaction.atomic
def remove_device(*, user, subscription_id: int) -> bool:
    deleted, _details = PushSubscription.objects.filter(user=user, pk=subscription_id).delete()
    return bool(deleted)


def forget_links(urls: list[str]) -> int:
    """Remove notifications that point at things that no longer exist (an account and its posts went)."""
    deleted, _kinds = Notification.objects.filter(url__in=urls).delete()
    return deleted

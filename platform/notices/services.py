"""Writes on prevention groups, notices and personal notifications.

Every write commits first; live delivery and e-mail follow on commit.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.services import has_verified_email

from . import realtime
from .models import Acknowledgement, Membership, Notice, Notification, PreventionGroup


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
    realtime.send_to_user(user_id=notification.user_id, message=notification.as_message())


def request_membership(*, group: PreventionGroup, user) -> Membership:
    """A resident asks to join; the coordinators are told."""
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(group=group, user=user)
        if created:
            url = reverse("notices:members", kwargs={"slug": group.slug})
            for coordinator in Membership.objects.coordinators().filter(group=group).select_related("user"):
                notify_user(
                    user=coordinator.user,
                    text=_("%(name)s wil lid worden van %(group)s.")
                    % {"name": user.public_name, "group": group},
                    url=url,
                    kind="buurtpreventie",
                )
    return membership


def _require_coordinator(*, group: PreventionGroup, by) -> None:
    if not Membership.objects.coordinators().filter(group=group, user=by).exists():
        raise PermissionDenied(_("Alleen een coördinator van deze groep kan dit doen."))


def approve_membership(*, membership: Membership, by) -> Membership:
    _require_coordinator(group=membership.group, by=by)
    with transaction.atomic():
        membership.status = Membership.Status.APPROVED
        membership.approved_at = timezone.now()
        membership.save(update_fields=["status", "approved_at"])
        # Join first: the consumer handles its messages in order, so the notice of approval arrives after it.
        user_id, group_id = membership.user_id, membership.group_id
        transaction.on_commit(lambda: realtime.join_prevention_group(user_id=user_id, group_id=group_id))
        notify_user(
            user=membership.user,
            text=_("U bent nu lid van %(group)s.") % {"group": membership.group},
            url=membership.group.get_absolute_url(),
            kind="buurtpreventie",
        )
    return membership


def decline_membership(*, membership: Membership, by) -> None:
    _require_coordinator(group=membership.group, by=by)
    if membership.is_approved:
        raise ValidationError(_("Dit lid is al goedgekeurd."))
    with transaction.atomic():
        membership.delete()


def set_email_preference(*, membership: Membership, email_urgent: bool) -> Membership:
    with transaction.atomic():
        membership.email_urgent = email_urgent
        membership.save(update_fields=["email_urgent"])
    return membership


def post_notice(*, group: PreventionGroup, author, level: str, text: str, street: str = "") -> Notice:
    """Write the notice, then (on commit) send it to the group and e-mail urgent ones to who is away."""
    if not Membership.objects.approved().filter(group=group, user=author).exists():
        raise PermissionDenied(_("Alleen leden van deze groep kunnen een melding plaatsen."))
    if not has_verified_email(author):
        raise PermissionDenied(_("Bevestig eerst uw e-mailadres. Daarna kunt u een melding plaatsen."))
    with transaction.atomic():
        notice = Notice.objects.create(group=group, author=author, level=level, text=text, street=street)
        transaction.on_commit(lambda: _deliver_notice(notice.pk))
    return notice


def _deliver_notice(notice_id: int) -> None:
    notice = Notice.objects.select_related("group", "author").get(pk=notice_id)
    realtime.send_to_prevention_group(group_id=notice.group_id, message=notice.as_message())
    if notice.is_urgent:
        from .tasks import email_urgent_notice

        email_urgent_notice.enqueue(notice_id=notice.pk)


def acknowledge_notice(*, notice: Notice, user) -> tuple[Acknowledgement, bool]:
    """Mark a notice "gezien". Once per member: a second call changes nothing."""
    _require_member(group=notice.group, user=user)
    try:
        with transaction.atomic():
            return Acknowledgement.objects.get_or_create(notice=notice, user=user)
    except IntegrityError:  # a second tab pressed at the same moment
        return Acknowledgement.objects.get(notice=notice, user=user), False


def set_notice_status(*, notice: Notice, status: str, by) -> Notice:
    """Store a status ("112 gebeld", "ik ga kijken", "opgelost"); the group sees it live on commit."""
    _require_member(group=notice.group, user=by)
    if status not in Notice.Status.values or not status:
        raise ValidationError(_("Deze status kennen we niet."))
    with transaction.atomic():
        notice.status, notice.status_by, notice.status_at = status, by, timezone.now()
        notice.save(update_fields=["status", "status_by", "status_at"])
        message, group_id = notice.status_message(), notice.group_id
        transaction.on_commit(lambda: realtime.send_to_prevention_group(group_id=group_id, message=message))
    return notice


def _require_member(*, group: PreventionGroup, user) -> None:
    if not Membership.objects.approved().filter(group=group, user=user).exists():
        raise PermissionDenied(_("Alleen leden van deze groep kunnen dit doen."))

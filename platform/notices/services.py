"""Writes on prevention groups and notices.

Every write commits first; live delivery and e-mail follow on commit. A rule that says no raises
:class:`core.exceptions.ApplicationError` (code ``forbidden`` for who may do what).
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import is_moderator
from accounts.services import has_verified_email, require_may_post
from core.exceptions import ApplicationError
from core.transaction import after_commit
from notifications.kinds import Kind
from notifications.services import notify

from . import realtime
from .models import Acknowledgement, Membership, Notice, PreventionGroup


@transaction.atomic
def request_membership(*, group: PreventionGroup, user) -> Membership:
    """A resident asks to join; the coordinators are told."""
    membership, created = Membership.objects.get_or_create(group=group, user=user)
    if created:
        url = reverse("notices:members", kwargs={"slug": group.slug})
        for coordinator in Membership.objects.coordinators().filter(group=group).select_related("user"):
            notify(
                user=coordinator.user,
                text=_("%(name)s wil lid worden van %(group)s.") % {"name": user.public_name, "group": group},
                url=url,
                kind=Kind.MEMBERSHIP,
            )
    return membership


def _require_coordinator(*, group: PreventionGroup, by) -> None:
    if not Membership.objects.coordinators().filter(group=group, user=by).exists():
        raise ApplicationError(_("Alleen een coördinator van deze groep kan dit doen."), code="forbidden")


@transaction.atomic
def approve_membership(*, membership: Membership, by) -> Membership:
    _require_coordinator(group=membership.group, by=by)
    membership.status = Membership.Status.APPROVED
    membership.approved_at = timezone.now()
    membership.save(update_fields=["status", "approved_at"])
    # Join first: the consumer handles its messages in order, so the notice of approval arrives after it.
    after_commit(realtime.join_prevention_group, user_id=membership.user_id, group_id=membership.group_id)
    notify(
        user=membership.user,
        text=_("U bent nu lid van %(group)s.") % {"group": membership.group},
        url=membership.group.get_absolute_url(),
        kind=Kind.MEMBERSHIP,
    )
    return membership


@transaction.atomic
def decline_membership(*, membership: Membership, by) -> None:
    _require_coordinator(group=membership.group, by=by)
    if membership.is_approved:
        raise ApplicationError(_("Dit lid is al goedgekeurd."), code="conflict")
    membership.delete()


@transaction.atomic
def post_notice(*, group: PreventionGroup, author, level: str, text: str, street: str = "") -> Notice:
    """Write the notice, then (on commit) send it to the group and tell each member as they chose."""
    require_may_post(author)
    if not Membership.objects.approved().filter(group=group, user=author).exists():
        raise ApplicationError(
            _("Alleen leden van deze groep kunnen een melding plaatsen."), code="forbidden"
        )
    if not has_verified_email(author):
        raise ApplicationError(
            _("Bevestig eerst uw e-mailadres. Daarna kunt u een melding plaatsen."), code="forbidden"
        )
    notice = Notice.objects.create(group=group, author=author, level=level, text=text, street=street)
    after_commit(_deliver_notice, notice.pk)
    return notice


def _deliver_notice(notice_id: int) -> None:
    """Runs after commit: the live message to the group, then each member's notification (e-mail, push)."""
    notice = Notice.objects.select_related("group", "author").get(pk=notice_id)
    realtime.send_to_prevention_group(group_id=notice.group_id, message=notice.as_message())
    from .tasks import notify_members_of_notice

    notify_members_of_notice.enqueue(notice_id=notice.pk)


def acknowledge_notice(*, notice: Notice, user) -> tuple[Acknowledgement, bool]:
    """Mark a notice "gezien". Once per member: a second call changes nothing."""
    _require_member(group=notice.group, user=user)
    try:
        with transaction.atomic():
            acknowledgement, created = Acknowledgement.objects.get_or_create(notice=notice, user=user)
            if created:
                after_commit(_send_seen_count, notice_id=notice.pk, group_id=notice.group_id)
            return acknowledgement, created
    except IntegrityError:  # a second tab pressed at the same moment
        return Acknowledgement.objects.get(notice=notice, user=user), False


def _send_seen_count(*, notice_id: int, group_id: int) -> None:
    """Runs after commit: the group sees the new "gezien" count at once."""
    count = Acknowledgement.objects.filter(notice_id=notice_id).count()
    realtime.send_to_prevention_group(
        group_id=group_id, message={"type": "seen", "notice": notice_id, "count": count}
    )


@transaction.atomic
def set_notice_status(*, notice: Notice, status: str, by) -> Notice:
    """Store a status ("112 gebeld", "ik ga kijken", "opgelost"); the group sees it live on commit.
    Who sets a status has seen the notice: it counts as their "gezien"."""
    _require_member(group=notice.group, user=by)
    if not notice.is_urgent:
        raise ApplicationError(_("Een status zet u alleen bij een spoedmelding."), field="status")
    if status not in Notice.Status.values or not status:
        raise ApplicationError(_("Deze status kennen we niet."), field="status")
    notice.status, notice.status_by, notice.status_at = status, by, timezone.now()
    notice.save(update_fields=["status", "status_by", "status_at"])
    after_commit(realtime.send_to_prevention_group, group_id=notice.group_id, message=notice.status_message())
    acknowledge_notice(notice=notice, user=by)
    return notice


def _require_member(*, group: PreventionGroup, user) -> None:
    if not Membership.objects.approved().filter(group=group, user=user).exists():
        raise ApplicationError(_("Alleen leden van deze groep kunnen dit doen."), code="forbidden")


@transaction.atomic
def set_notice_hidden(*, notice: Notice, by, hidden: bool) -> Notice:
    """A moderator hides a reported notice (or shows it again). They do not read the group's feed."""
    if not is_moderator(by):
        raise ApplicationError(_("Alleen moderatoren mogen dit."), code="forbidden")
    notice.is_hidden = hidden
    notice.save(update_fields=["is_hidden"])
    return notice

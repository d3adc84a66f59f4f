"""Writes of the moderation queue: reports, decisions, suspensions, and telling people about them."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from accounts import services as accounts_services
from core.exceptions import ApplicationError
from notifications.kinds import Kind
from notifications.models import Notification
from notifications.services import notify

from . import registry
from .models import Action, Decision, Reason, Report

ACCOUNT = "account"
# Actions whose reason the author must read.
NEEDS_REASON = {Action.HIDE, Action.REQUEST_CHANGES}
# Which action fits which state of a thing.
ALLOWED = {
    "pending": {Action.APPROVE, Action.HIDE, Action.REQUEST_CHANGES},
    "visible": {Action.HIDE},
    "hidden": {Action.UNHIDE},
}


def moderators():
    """Everyone who handles the queue: active, not suspended, moderator role or superuser."""
    return (
        get_user_model()
        .objects.filter(Q(groups__name=roles.MODERATOR) | Q(is_superuser=True))
        .filter(is_active=True, suspended_at__isnull=True)
        .distinct()
    )


@transaction.atomic
def tell_moderators(*, text: str, exclude=None) -> int:
    """One notification per moderator for something new in the queue, unless one is still unread."""
    waiting = Notification.objects.filter(kind=Kind.MODERATION_QUEUE, read_at__isnull=True).values("user_id")
    told = 0
    for moderator in moderators().exclude(pk__in=waiting):
        if exclude is not None and moderator.pk == exclude.pk:
            continue
        notify(user=moderator, kind=Kind.MODERATION_QUEUE, text=text, url=reverse("moderation:queue"))
        told += 1
    return told


def allowed_actions(*, kind, obj) -> list[str]:
    """The decisions a moderator may take now, in the order the buttons show them."""
    possible = ALLOWED.get(kind.state(obj), set()) & set(kind.actions)
    return [action for action in Action.values if action in possible]


@transaction.atomic
def report(*, reporter, kind_name: str, pk: int, reason: str, note: str = "") -> Report:
    """A resident reports something they can see. One open report per person per thing."""
    kind = registry.kind_named(kind_name)
    obj = kind.get(pk) if kind else None
    if obj is None or not reporter.is_authenticated or not kind.may_report(user=reporter, obj=obj):
        raise ApplicationError(_("Dit kunt u niet melden."), code="not_found")
    accounts_services.require_may_post(reporter)
    if reason not in Reason.values:
        raise ApplicationError(_("Kies een reden."), field="reason")
    if Report.objects.open().about(kind.name, obj.pk).filter(reporter=reporter).exists():
        raise ApplicationError(_("U heeft dit al gemeld. Een moderator kijkt ernaar."), code="conflict")
    try:
        with transaction.atomic():
            created = Report.objects.create(
                kind=kind.name, object_id=obj.pk, reporter=reporter, reason=reason, note=note.strip()[:300]
            )
    except IntegrityError as error:  # the same person, twice at the same moment
        raise ApplicationError(
            _("U heeft dit al gemeld. Een moderator kijkt ernaar."), code="conflict"
        ) from error
    tell_moderators(
        text=_("Er is iets gemeld: %(title)s") % {"title": kind.title(obj)[:150]}, exclude=reporter
    )
    return created


def _notify_author(*, kind, obj, action: str, reason: str) -> None:
    author = kind.author(obj)
    if author is None:
        return
    title = kind.title(obj)[:150]
    texts = {
        Action.HIDE: _("Een moderator heeft „%(title)s” verborgen. Reden: %(reason)s"),
        Action.UNHIDE: _("„%(title)s” is weer te zien."),
        Action.REQUEST_CHANGES: _("Een moderator vraagt u „%(title)s” aan te passen: %(reason)s"),
    }
    text = texts.get(action)
    if text:
        notify(
            user=author,
            kind=Kind.MODERATION_DECISION,
            text=text % {"title": title, "reason": reason},
            # A hidden thing keeps its link only where its author still sees it, with the reason.
            url=kind.url(obj) if action != Action.HIDE or getattr(kind, "author_sees_hidden", False) else "",
        )


def _close_reports(*, kind, obj, by) -> int:
    return Report.objects.open().about(kind.name, obj.pk).update(handled_at=timezone.now(), handled_by=by)


@transaction.atomic
def decide(*, kind_name: str, pk: int, action: str, by, reason: str = "") -> Decision:
    """Approve, hide, un-hide or ask for changes; dismiss closes the reports and changes nothing else.

    The decision is stored, open reports on the thing are closed (not when asking for changes), and the
    author is told with the reason. An approval is told by the content app's own service."""
    roles.require_moderator(by)
    kind = registry.kind_named(kind_name)
    obj = kind.get(pk) if kind else None
    if obj is None:
        raise ApplicationError(_("Dit bestaat niet (meer)."), code="not_found")
    reason = reason.strip()[:500]
    if action == Action.DISMISS:
        if not _close_reports(kind=kind, obj=obj, by=by):
            raise ApplicationError(_("Hier is geen open melding over."), code="conflict")
    else:
        if action not in allowed_actions(kind=kind, obj=obj):
            raise ApplicationError(_("Dit besluit past niet bij hoe het nu staat."), code="conflict")
        if action in NEEDS_REASON and not reason:
            raise ApplicationError(_("Schrijf een reden. De schrijver leest die."), field="reason")
        getattr(kind, action)(obj=obj, by=by, reason=reason)
        if action != Action.REQUEST_CHANGES:
            _close_reports(kind=kind, obj=obj, by=by)
        _notify_author(kind=kind, obj=obj, action=action, reason=reason)
    return Decision.objects.create(
        kind=kind.name,
        object_id=obj.pk,
        action=action,
        reason=reason,
        by=by,
        subject=kind.author(obj),
        title=kind.title(obj)[:200],
    )


@transaction.atomic
def suspend_account(*, user, by, reason: str) -> Decision:
    roles.require_moderator(by)
    if user.pk == by.pk:
        raise ApplicationError(_("U kunt uzelf niet schorsen."), code="forbidden")
    accounts_services.suspend_user(user=user, reason=reason)
    return Decision.objects.create(
        kind=ACCOUNT, object_id=user.pk, action=Action.SUSPEND, reason=user.suspension_reason, by=by,
        subject=user, title=user.public_name,
    )  # fmt: skip


@transaction.atomic
def lift_suspension(*, user, by, reason: str = "") -> Decision:
    roles.require_moderator(by)
    if user.suspended_at is None:
        raise ApplicationError(_("Dit account is niet geschorst."), code="conflict")
    accounts_services.lift_suspension(user=user)
    notify(
        user=user,
        kind=Kind.MODERATION_DECISION,
        text=_("Uw account is niet meer geschorst. U kunt weer inloggen en iets plaatsen."),
        url="",
    )
    return Decision.objects.create(
        kind=ACCOUNT, object_id=user.pk, action=Action.LIFT, reason=reason.strip()[:500], by=by,
        subject=user, title=user.public_name,
    )  # fmt: skip

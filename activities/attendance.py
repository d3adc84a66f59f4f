"""Saying "ik kom" to one date: places, the waiting list, cancelling, the reminder the day before.

Writes are keyword-only services, one transaction each. The date's row is locked (SELECT … FOR UPDATE on
PostgreSQL) while places are counted, so two people taking the last place at once queue up: the second
one reads the first one's attendance and lands on the waiting list.
"""

import secrets
from datetime import datetime, timedelta

from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.exceptions import ApplicationError
from core.site import absolute
from core.tasks import send_mail_on_commit
from notifications.kinds import Kind
from notifications.services import notify

from .models import Activity, Attendance, Occurrence, PersonalFeed

GUEST_SALT = "activities.attendance.guest"
Status = Attendance.Status


def _when(occurrence: Occurrence) -> str:
    start = timezone.localtime(occurrence.start)
    end = timezone.localtime(occurrence.end)
    return f"{date_format(start, 'l j F')}, {start:%H:%M}–{end:%H:%M}"


def _where(activity: Activity) -> str:
    location = activity.location
    if location is None:
        return ""
    return location.name + (f", {location.address}" if location.address else "")


def _open_for_attendance(occurrence: Occurrence) -> None:
    if occurrence.activity.status != Activity.Status.PUBLISHED:
        raise ApplicationError(_("Deze activiteit staat niet in de agenda."), code="closed")
    if occurrence.activity.kind == Activity.Kind.WALK_IN:
        raise ApplicationError(
            _("Bij een inloopspreekuur hoeft u zich niet aan te melden. U kunt gewoon binnenlopen."),
            code="closed",
        )
    if occurrence.is_cancelled:
        raise ApplicationError(_("Deze datum gaat niet door."), code="closed")
    if occurrence.end <= timezone.now():
        raise ApplicationError(_("Deze datum is al voorbij."), code="closed")


def _locked(occurrence: Occurrence) -> Occurrence:
    """The date row, locked until the transaction ends; counts taken after this are race-free."""
    return Occurrence.objects.select_for_update().select_related("activity").get(pk=occurrence.pk)


def _new_status(occurrence: Occurrence) -> str:
    places = occurrence.activity.max_places
    if places is None:
        return Status.GOING
    going = occurrence.attendances.filter(status=Status.GOING).count()
    return Status.GOING if going < places else Status.WAITING


@transaction.atomic
def attend(*, occurrence: Occurrence, user) -> Attendance:
    """A resident with an account says "ik kom": a place when there is one, else the waiting list."""
    occurrence = _locked(occurrence)
    _open_for_attendance(occurrence)
    current = occurrence.attendances.filter(user=user).exclude(status=Status.CANCELLED).first()
    if current is not None:
        return current
    return Attendance.objects.create(occurrence=occurrence, user=user, status=_new_status(occurrence))


@transaction.atomic
def attend_as_guest(*, occurrence: Occurrence, name: str, email: str = "", phone: str = "") -> Attendance:
    """Someone without an account signs up with a first name and an e-mail address or phone number."""
    occurrence = _locked(occurrence)
    _open_for_attendance(occurrence)
    if not occurrence.activity.guests_may_sign_up:
        raise ApplicationError(_("Voor deze activiteit meldt u zich aan met een account."), code="forbidden")
    name, email, phone = name.strip(), email.strip().lower(), phone.strip()
    if not name:
        raise ApplicationError(_("Vul uw voornaam in."), field="name")
    if not email and not phone:
        raise ApplicationError(_("Vul uw e-mailadres of telefoonnummer in."), field="email")
    name, phone = name[:80], phone[:20]
    signed_up = occurrence.attendances.exclude(status=Status.CANCELLED).filter(guest_name__iexact=name)
    if email:
        already = signed_up.filter(guest_email=email).first()
    else:  # "06 12345678" and "06-12345678" are one number
        already = next((a for a in signed_up if _digits(a.guest_phone) == _digits(phone)), None)
    if already is not None:
        if already.status == Status.WAITING:
            told = _("U staat al op de wachtlijst voor deze datum.")
        else:
            told = _("U bent al aangemeld voor deze datum.")
        if email:
            told = f"{told} {_('In de e-mail van toen staat hoe u zich afmeldt.')}"
        raise ApplicationError(told, code="already")
    attendance = Attendance.objects.create(
        occurrence=occurrence,
        guest_name=name,
        guest_email=email,
        guest_phone=phone,
        status=_new_status(occurrence),
    )
    if email:
        subject = (
            _("U staat op de wachtlijst: %(title)s")
            if attendance.status == Status.WAITING
            else _("U bent aangemeld: %(title)s")
        )
        send_mail_on_commit(
            subject=subject % {"title": occurrence.activity.title},
            body=render_to_string("activities/email/guest_signed_up.txt", _guest_context(attendance)),
            to=[email],
        )
    return attendance


def _digits(phone: str) -> str:
    return "".join(char for char in phone if char.isdigit())


@transaction.atomic
def cancel_attendance(*, attendance: Attendance) -> Attendance:
    """Someone no longer comes; when they held a place, the first on the waiting list moves up."""
    occurrence = _locked(attendance.occurrence)
    attendance = Attendance.objects.select_for_update().get(pk=attendance.pk)
    if attendance.status == Status.CANCELLED:
        return attendance
    held_place = attendance.status == Status.GOING
    attendance.status = Status.CANCELLED
    attendance.save(update_fields=["status"])
    if held_place:
        _move_up(occurrence=occurrence)
    return attendance


def _move_up(*, occurrence: Occurrence) -> Attendance | None:
    if occurrence.activity.max_places is not None:
        going = occurrence.attendances.filter(status=Status.GOING).count()
        if going >= occurrence.activity.max_places:
            return None
    first = occurrence.attendances.filter(status=Status.WAITING).select_related("user").first()
    if first is None:
        return None
    first.status = Status.GOING
    first.save(update_fields=["status"])
    text = _("Er is een plaats vrijgekomen. U kunt komen naar %(title)s op %(when)s.") % {
        "title": occurrence.activity.title,
        "when": _when(occurrence),
    }
    if first.user_id:
        notify(user=first.user, kind=Kind.ACTIVITY_REMINDER, text=text, url=reverse("activities:mine"))
    elif first.guest_email:
        send_mail_on_commit(
            subject=_("U kunt komen: %(title)s") % {"title": occurrence.activity.title},
            body=render_to_string("activities/email/guest_moved_up.txt", _guest_context(first)),
            to=[first.guest_email],
        )
    return first


# --- guests cancel through a signed link ------------------------------------------------------------


GUEST_SIGN_UPS = "activities.guest_sign_ups"  # in the session: a guest's sign-ups in this browser


def remember_guest_sign_up(session, *, attendance: Attendance) -> None:
    """So the activity's page shows the guest "U komt" instead of "Ik kom" again (the last 20)."""
    session[GUEST_SIGN_UPS] = [*guest_sign_ups(session), attendance.pk][-20:]


def guest_sign_ups(session) -> list[int]:
    return [pk for pk in session.get(GUEST_SIGN_UPS, []) if isinstance(pk, int)]


def guest_token(*, attendance: Attendance) -> str:
    return signing.dumps({"a": attendance.pk}, salt=GUEST_SALT)


def attendance_from_guest_token(token: str) -> Attendance | None:
    try:
        data = signing.loads(token, salt=GUEST_SALT, max_age=timedelta(days=400))
    except signing.BadSignature:
        return None
    return (
        Attendance.objects.filter(pk=data.get("a"), user__isnull=True)
        .select_related("occurrence__activity__location")
        .first()
    )


def _guest_context(attendance: Attendance) -> dict:
    occurrence = attendance.occurrence
    return {
        "attendance": attendance,
        "activity": occurrence.activity,
        "occurrence": occurrence,
        "when": _when(occurrence),
        "where": _where(occurrence.activity),
        "waiting": attendance.status == Status.WAITING,
        "activity_url": absolute(occurrence.activity.get_absolute_url()),
        "cancel_url": absolute(
            reverse("activities:guest_cancel", kwargs={"token": guest_token(attendance=attendance)})
        ),
    }


# --- the reminder the day before ----------------------------------------------------------------------


def _reminder_text(occurrence: Occurrence) -> str:
    activity = occurrence.activity
    values = {"title": activity.title, "when": _when(occurrence), "where": _where(activity)}
    if occurrence.is_cancelled or activity.status == Activity.Status.CANCELLED:
        text = _("%(title)s op %(when)s gaat niet door.") % values
        return text + (f" {occurrence.reason}" if occurrence.reason else "")
    if occurrence.is_moved:
        text = _("Let op, de tijd is veranderd: %(title)s is nu %(when)s.") % values
    else:
        text = _("Morgen: %(title)s, %(when)s.") % values
    if values["where"]:
        text += " " + _("Waar: %(where)s.") % values
    return text + (f" {occurrence.reason}" if occurrence.reason else "")


def send_attendance_reminders(*, now: datetime | None = None) -> dict[str, int]:
    """Remind everyone who comes to a date tomorrow (local time), once; safe to run again."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    due = (
        Attendance.objects.filter(
            status=Status.GOING, reminded_at__isnull=True, occurrence__start__date=tomorrow
        )
        .select_related("user", "occurrence__activity__location")
        .order_by("pk")
    )
    counts = {"notified": 0, "mailed": 0}
    for attendance in due:
        with transaction.atomic():
            fresh = Attendance.objects.select_for_update().get(pk=attendance.pk)
            if fresh.reminded_at is not None:
                continue
            _remind(attendance, counts)
            fresh.reminded_at = now
            fresh.save(update_fields=["reminded_at"])
    return counts


def _remind(attendance: Attendance, counts: dict[str, int]) -> None:
    subject = _("Herinnering: %(title)s") % {"title": attendance.occurrence.activity.title}
    how = _tell(attendance, text=_reminder_text(attendance.occurrence), subject=subject)
    if how:
        counts[how] += 1


def tell_attendees_of_change(*, occurrence: Occurrence) -> int:
    """A date was cancelled or moved: everyone who comes or waits hears it at once (after commit)."""
    text = _change_text(occurrence)
    subject = _("Gewijzigd: %(title)s") % {"title": occurrence.activity.title}
    people = occurrence.attendances.exclude(status=Status.CANCELLED).select_related("user")
    return sum(1 for item in people if _tell(item, text=text, subject=subject))


def upcoming_attendances(*, activity: Activity):
    """Who comes or waits for a date of `activity` that is still to come and not cancelled."""
    return (
        Attendance.objects.filter(
            occurrence__activity=activity, occurrence__end__gt=timezone.now(), occurrence__is_cancelled=False
        )
        .exclude(status=Status.CANCELLED)
        .select_related("user", "occurrence__activity__location")
    )


def tell_attendees_of_cancelled_activity(*, activity: Activity, reason: str = "") -> int:
    """The whole activity is off: everyone signed up for a date to come hears it, once per date."""
    subject = _("Gaat niet door: %(title)s") % {"title": activity.title}
    told = 0
    for item in upcoming_attendances(activity=activity):
        text = _reminder_text(item.occurrence) + (f" {reason}" if reason else "")
        told += bool(_tell(item, text=text, subject=subject))
    return told


def _tell(attendance: Attendance, *, text: str, subject: str) -> str:
    """Tell one attendee: a notification for a resident, an e-mail (after commit) for a guest.

    Returns "notified", "mailed", or "" for a guest who left no e-mail address."""
    if attendance.user_id:
        notify(
            user=attendance.user,
            kind=Kind.ACTIVITY_REMINDER,
            text=text,
            url=attendance.occurrence.activity.get_absolute_url(),
        )
        return "notified"
    if attendance.guest_email:
        send_mail_on_commit(
            subject=subject,
            body=render_to_string(
                "activities/email/guest_reminder.txt", {**_guest_context(attendance), "text": text}
            ),
            to=[attendance.guest_email],
        )
        return "mailed"
    return ""


def _change_text(occurrence: Occurrence) -> str:
    if occurrence.is_cancelled:
        return _reminder_text(occurrence)
    values = {"title": occurrence.activity.title, "when": _when(occurrence)}
    text = _("Let op, de tijd is veranderd: %(title)s is nu %(when)s.") % values
    return text + (f" {occurrence.reason}" if occurrence.reason else "")


#: Guests' e-mail addresses and phone numbers are kept this long after their date, then erased.
KEEP_GUEST_CONTACT = timedelta(days=30)


@transaction.atomic
def forget_guest_contacts(*, now: datetime | None = None) -> int:
    """Erase the contact details of guests whose date ended more than 30 days ago (their first name stays)."""
    now = now or timezone.now()
    return (
        Attendance.objects.filter(user__isnull=True, occurrence__end__lt=now - KEEP_GUEST_CONTACT)
        .exclude(guest_email="", guest_phone="")
        .update(guest_email="", guest_phone="")
    )


# --- one's own feed -------------------------------------------------------------------------------------


@transaction.atomic
def personal_feed(*, user) -> PersonalFeed:
    feed, _created = PersonalFeed.objects.get_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    return feed


@transaction.atomic
def renew_personal_feed(*, user) -> PersonalFeed:
    """A new secret address; the old one answers 404 from now on."""
    feed = personal_feed(user=user)
    feed.token = secrets.token_urlsafe(32)
    feed.created_at = timezone.now()
    feed.save(update_fields=["token", "created_at"])
    return feed

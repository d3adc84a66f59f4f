"""Writes on activities. Keyword-only, one transaction each."""

import html
import logging
import re
from datetime import date, datetime, timedelta

import nh3
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import is_moderator, is_professional, require_moderator
from accounts.services import has_verified_email, require_may_post
from core.exceptions import ApplicationError
from core.slugs import save_with_unique_slug
from core.tasks import send_mail_on_commit
from core.text import without_control_characters
from notifications.kinds import Kind as NotificationKind
from notifications.services import notify
from organisations.selectors import is_member_of

from .attendance import tell_attendees_of_cancelled_activity, tell_attendees_of_change
from .models import Activity, Location, Occurrence
from .recurrence import expand

logger = logging.getLogger(__name__)

CONFIRM_SALT = "activities.confirm"
REMIND_AFTER = timedelta(weeks=8)
STALE_AFTER = timedelta(weeks=12)


def window_days() -> int:
    return getattr(settings, "ACTIVITIES_WINDOW_DAYS", 120)


def can_manage(*, user, activity: Activity) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if is_moderator(user) or (activity.owner_id is not None and activity.owner_id == user.pk):
        return True
    return activity.organisation_id is not None and is_member_of(
        user=user, organisation=activity.organisation
    )


def require_manager(*, user, activity: Activity) -> None:
    if not can_manage(user=user, activity=activity):
        raise ApplicationError(_("U mag deze activiteit niet wijzigen."), code="forbidden")


def save_activity_with_unique_slug(activity: Activity) -> Activity:
    """Store `activity` under the first free slug made from its title (or the slug it was given)."""
    save_with_unique_slug(
        activity, source=activity.slug or activity.title, fallback="activiteit", max_length=120
    )
    return activity


def location_named(name: str) -> Location:
    """The location with this name (any case), created with a unique slug when it is new."""
    location = Location.objects.filter(name__iexact=name).first()
    if location is None:
        location = Location(name=name)
        save_with_unique_slug(location, source=name, fallback="locatie", max_length=110)
    return location


# --- the schedule --------------------------------------------------------------------------------


def materialise_occurrences(
    *, activity: Activity, start: datetime | None = None, end: datetime | None = None
) -> int:
    """Make the Occurrence rows in [start, end) match the schedule; cancelled and moved dates are kept."""
    now = timezone.now()
    start = start or now - timedelta(days=1)
    end = end or now + timedelta(days=window_days())
    with transaction.atomic():
        wanted = expand(
            starts_at=activity.starts_at,
            rule=activity.rrule,
            exdates=activity.exdates,
            rdates=activity.rdates,
            ends_on=activity.ends_on,
            window_start=start,
            window_end=end,
        )
        existing = {
            o.original_start: o
            for o in activity.occurrences.filter(original_start__gte=start, original_start__lt=end)
        }
        wanted_keys = set(wanted)
        stale_ids = [o.pk for key, o in existing.items() if key not in wanted_keys]
        activity.occurrences.filter(pk__in=stale_ids).delete()
        new, changed = [], []
        for moment in wanted:
            occurrence = existing.get(moment)
            if occurrence is None:
                new.append(
                    Occurrence(
                        activity=activity, original_start=moment, start=moment, end=moment + activity.duration
                    )
                )
            elif not occurrence.is_moved and occurrence.end != occurrence.start + activity.duration:
                occurrence.end = occurrence.start + activity.duration
                changed.append(occurrence)
        Occurrence.objects.bulk_create(new)
        Occurrence.objects.bulk_update(changed, ["end"])
    return len(new)


def fill_occurrence_window(*, now: datetime | None = None) -> int:
    """Keep the rolling window filled for every activity that can still appear."""
    now = now or timezone.now()
    created = 0
    qs = Activity.objects.filter(status__in=[Activity.Status.PUBLISHED, Activity.Status.PENDING])
    for activity in qs.iterator():
        created += materialise_occurrences(
            activity=activity, start=now - timedelta(days=1), end=now + timedelta(days=window_days())
        )
    return created


# --- posting and moderation ----------------------------------------------------------------------


@transaction.atomic
def create_activity(*, by, organisation=None, **fields) -> Activity:
    """Post an activity. A professional posting for their organisation publishes at once."""
    require_may_post(by)
    if not has_verified_email(by):
        raise ApplicationError(
            _("Bevestig eerst uw e-mailadres. Daarna kunt u iets plaatsen."), code="forbidden"
        )
    if organisation is not None and not is_member_of(user=by, organisation=organisation):
        raise ApplicationError(
            _("U hoort niet bij deze organisatie."), field="organisation", code="forbidden"
        )
    trusted = organisation is not None and is_professional(by)
    activity = Activity(owner=by, organisation=organisation, **fields)
    activity.status = Activity.Status.PUBLISHED if trusted else Activity.Status.PENDING
    return _confirm_and_store(activity)


def _confirm_and_store(activity: Activity) -> Activity:
    """Validate what the owner filled in, save it under a free slug and lay out its dates again."""
    activity.confirmed_at = timezone.now()
    activity.full_clean(exclude=["slug"])
    save_activity_with_unique_slug(activity)
    materialise_occurrences(activity=activity)
    return activity


@transaction.atomic
def publish_activity(*, activity: Activity, by) -> Activity:
    """A moderator approves: the activity enters the agenda and its owner is told."""
    require_moderator(by, _("Alleen een moderator kan dit goedkeuren."))
    activity.status = Activity.Status.PUBLISHED
    activity.confirmed_at = timezone.now()
    activity.moderation_note = ""
    activity.save(update_fields=["status", "confirmed_at", "moderation_note", "updated_at"])
    materialise_occurrences(activity=activity)
    if activity.owner_id:
        notify(
            user=activity.owner,
            text=_("Uw activiteit „%(title)s” staat nu in de agenda.") % {"title": activity.title},
            url=activity.get_absolute_url(),
            kind=NotificationKind.MODERATION_DECISION,
        )
    return activity


@transaction.atomic
def hide_activity(*, activity: Activity, by, reason: str) -> Activity:
    """A moderator takes it out of the agenda; its owner still sees it, with the reason."""
    require_moderator(by, _("Alleen een moderator kan dit verbergen."))
    if activity.status != Activity.Status.HIDDEN:
        activity.hidden_from_status = activity.status
        activity.status = Activity.Status.HIDDEN
    activity.moderation_note = reason.strip()[:500]
    activity.save(update_fields=["status", "hidden_from_status", "moderation_note", "updated_at"])
    return activity


@transaction.atomic
def unhide_activity(*, activity: Activity, by) -> Activity:
    """Back to how it was before it was hidden (a waiting activity waits again)."""
    require_moderator(by, _("Alleen een moderator kan dit weer tonen."))
    if activity.status == Activity.Status.HIDDEN:
        activity.status = activity.hidden_from_status or Activity.Status.PENDING
        activity.hidden_from_status = ""
    activity.moderation_note = ""
    activity.save(update_fields=["status", "hidden_from_status", "moderation_note", "updated_at"])
    materialise_occurrences(activity=activity)
    return activity


@transaction.atomic
def request_activity_changes(*, activity: Activity, by, message: str) -> Activity:
    """The activity keeps waiting; its owner reads what to change and edits it."""
    require_moderator(by, _("Alleen een moderator kan dit vragen."))
    activity.moderation_note = message.strip()[:500]
    activity.save(update_fields=["moderation_note", "updated_at"])
    return activity


def _trusted_editor(*, user, activity: Activity) -> bool:
    """Moderators, and professionals of the organisation, publish without review."""
    if is_moderator(user):
        return True
    return (
        activity.organisation_id is not None
        and is_professional(user)
        and is_member_of(user=user, organisation=activity.organisation)
    )


@transaction.atomic
def update_activity(*, activity: Activity, by, **fields) -> Activity:
    """Save changes; a resident's changes to a published activity go back to the moderator first."""
    require_manager(user=by, activity=activity)
    require_may_post(by)
    for name, value in fields.items():
        setattr(activity, name, value)
    if activity.status == Activity.Status.PUBLISHED and not _trusted_editor(user=by, activity=activity):
        activity.status = Activity.Status.PENDING
    activity.reminder_sent_at = None
    return _confirm_and_store(activity)


@transaction.atomic
def cancel_activity(*, activity: Activity, by, reason: str = "") -> Activity:
    """The whole activity is off: it leaves the agenda and everyone signed up for a date to come is told."""
    require_manager(user=by, activity=activity)
    if activity.status == Activity.Status.CANCELLED:
        return activity
    activity.status = Activity.Status.CANCELLED
    activity.save(update_fields=["status", "updated_at"])
    tell_attendees_of_cancelled_activity(activity=activity, reason=reason.strip()[:200])
    return activity


@transaction.atomic
def set_activity_status(*, activity: Activity, by, status: str) -> Activity:
    """A moderator moves an activity to any status; approving and cancelling go through their services."""
    require_moderator(by, _("Alleen een moderator kan de status wijzigen."))
    if status == activity.status:
        return activity
    if status == Activity.Status.PUBLISHED:
        return publish_activity(activity=activity, by=by)
    if status == Activity.Status.CANCELLED:
        return cancel_activity(activity=activity, by=by)
    activity.status = status
    activity.save(update_fields=["status", "updated_at"])
    materialise_occurrences(activity=activity)
    return activity


@transaction.atomic
def save_activity_as_moderator(*, activity: Activity, by) -> Activity:
    """Store an activity a moderator filled in (the admin's form), with the site's rules and side effects.

    A new activity is saved with a unique slug; a changed one goes through :func:`update_activity`.
    A change of status then goes through :func:`set_activity_status` (approving notifies the owner).
    """
    require_moderator(by, _("Alleen een moderator kan dit wijzigen."))
    status = activity.status
    if activity.pk is None:
        activity.status = Activity.Status.DRAFT if status == Activity.Status.PUBLISHED else status
        activity.confirmed_at = timezone.now()
        save_activity_with_unique_slug(activity)
        materialise_occurrences(activity=activity)
        return set_activity_status(activity=activity, by=by, status=status)
    stored = Activity.objects.select_for_update().get(pk=activity.pk)
    fields = {
        f.attname: getattr(activity, f.attname)
        for f in Activity._meta.concrete_fields
        if f.editable
        and f.attname not in ("id", "status")
        and getattr(activity, f.attname) != getattr(stored, f.attname)
    }
    if fields:
        update_activity(activity=stored, by=by, **fields)
    return set_activity_status(activity=stored, by=by, status=status)


@transaction.atomic
def end_series(*, activity: Activity, by, last_day: date) -> Activity:
    """Stop a recurring activity after `last_day`; later dates leave the agenda."""
    require_manager(user=by, activity=activity)
    activity.ends_on = last_day
    activity.save(update_fields=["ends_on", "updated_at"])
    materialise_occurrences(activity=activity)
    return activity


@transaction.atomic
def cancel_occurrence(*, occurrence: Occurrence, by, reason: str) -> Occurrence:
    """One date does not go ahead ("vandaag geen inloop"); the date stays visible with the reason."""
    require_manager(user=by, activity=occurrence.activity)
    occurrence.is_cancelled = True
    occurrence.reason = reason.strip()[:200]
    occurrence.save(update_fields=["is_cancelled", "reason"])
    tell_attendees_of_change(occurrence=occurrence)
    return occurrence


@transaction.atomic
def restore_occurrence(*, occurrence: Occurrence, by) -> Occurrence:
    require_manager(user=by, activity=occurrence.activity)
    occurrence.is_cancelled = False
    occurrence.reason = ""
    occurrence.save(update_fields=["is_cancelled", "reason"])
    return occurrence


@transaction.atomic
def move_occurrence(
    *, occurrence: Occurrence, by, start: datetime, end: datetime | None = None, reason: str = ""
) -> Occurrence:
    require_manager(user=by, activity=occurrence.activity)
    occurrence.start = start
    occurrence.end = end or start + occurrence.activity.duration
    occurrence.is_moved = True
    occurrence.is_cancelled = False
    occurrence.reason = reason.strip()[:200]
    occurrence.save(update_fields=["start", "end", "is_moved", "is_cancelled", "reason"])
    tell_attendees_of_change(occurrence=occurrence)
    return occurrence


# --- freshness ----------------------------------------------------------------------------------


def confirmation_token(*, activity: Activity) -> str:
    return signing.dumps({"a": activity.pk, "c": activity.confirmed_at.timestamp()}, salt=CONFIRM_SALT)


def _token_data(token: str) -> dict | None:
    try:
        return signing.loads(
            token, salt=CONFIRM_SALT, max_age=STALE_AFTER - REMIND_AFTER + timedelta(weeks=4)
        )
    except signing.BadSignature:
        return None


def activity_from_token(token: str) -> Activity | None:
    """The activity of a valid "gaat nog door" link, or None (bad or expired)."""
    data = _token_data(token)
    if data is None:
        return None
    activity = Activity.objects.filter(pk=data.get("a")).first()
    if activity is None or activity.status not in (Activity.Status.PUBLISHED, Activity.Status.STALE):
        return None
    return activity


def confirmation_token_is_unused(*, token: str, activity: Activity) -> bool:
    """The link names the confirmation it was sent after; a confirmation since then used it up."""
    data = _token_data(token) or {}
    return data.get("c") == activity.confirmed_at.timestamp()


@transaction.atomic
def confirm_from_token(*, token: str, activity: Activity) -> bool:
    """Confirm once per reminder: the link names the confirmation it was sent after, which this moves on.

    Returns whether it confirmed now (False: the link was used already)."""
    if not confirmation_token_is_unused(token=token, activity=activity):
        return False
    confirm_activity(activity=activity)
    return True


@transaction.atomic
def confirm_activity(*, activity: Activity) -> Activity:
    """The owner says it still goes ahead: fresh for another 8 weeks, back in the agenda if stale."""
    activity.confirmed_at = timezone.now()
    activity.reminder_sent_at = None
    if activity.status == Activity.Status.STALE:
        activity.status = Activity.Status.PUBLISHED
    activity.save(update_fields=["confirmed_at", "reminder_sent_at", "status", "updated_at"])
    materialise_occurrences(activity=activity)
    return activity


def _recipients(activity: Activity) -> list[str]:
    if activity.owner_id and activity.owner.email:
        return [activity.owner.email]
    if activity.organisation_id:
        return [m.user.email for m in activity.organisation.memberships.select_related("user")]
    return []


@transaction.atomic
def send_freshness_reminder(*, activity: Activity, base_url: str) -> bool:
    """Mail the owner (or the organisation) a one-click "gaat nog door" link, after commit."""
    recipients = _recipients(activity)
    if not recipients:
        return False
    path = reverse("activities:confirm", kwargs={"token": confirmation_token(activity=activity)})
    context = {"activity": activity, "link": base_url.rstrip("/") + path}
    send_mail_on_commit(
        subject=_("Gaat „%(title)s” nog door?") % {"title": activity.title},
        body=render_to_string("activities/email/reminder.txt", context),
        to=recipients,
    )
    return True


def check_freshness(*, now: datetime | None = None, base_url: str | None = None) -> dict[str, int]:
    """Remind owners after 8 weeks without confirmation; take it off the agenda after 12 weeks."""
    now = now or timezone.now()
    base_url = base_url or settings.WAGTAILADMIN_BASE_URL
    recurring = Activity.objects.published().recurring().filter(feed__isnull=True)
    with transaction.atomic():
        stale = recurring.filter(confirmed_at__lte=now - STALE_AFTER).update(
            status=Activity.Status.STALE, updated_at=now
        )
    reminded = 0
    due = recurring.filter(confirmed_at__lte=now - REMIND_AFTER, reminder_sent_at__isnull=True)
    for activity in due.select_related("owner", "organisation"):
        with transaction.atomic():
            if send_freshness_reminder(activity=activity, base_url=base_url):
                reminded += 1
            activity.reminder_sent_at = now
            activity.save(update_fields=["reminder_sent_at"])
    return {"reminded": reminded, "stale": stale}


# --- iCal import -----------------------------------------------------------------------------------


def fetch_feed(url: str, *, etag: str = "", last_modified: str = "") -> tuple[bytes | None, dict]:
    """GET a feed; with the validators of the last fetch a 304 answers (None, headers): nothing changed."""
    import urllib.error
    import urllib.request

    if url.lower().startswith("webcal://"):  # how Apple and Google offer a calendar to subscribe to
        url = "https://" + url[len("webcal://") :]
    if not url.lower().startswith(("http://", "https://")):
        raise ApplicationError(_("Een iCal-feed moet beginnen met https:// of http://."), field="url")
    headers = {"User-Agent": "WijkDeRuwaard/1.0"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 — scheme checked above
            return response.read(5 * 1024 * 1024), dict(response.headers)
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return None, dict(error.headers or {})
        raise


def feed_problem(error: Exception) -> str:
    """What went wrong with a feed, in words a professional can act on (the technical error goes to the log)."""
    import socket
    import ssl
    import urllib.error

    logger.warning("iCal feed failed: %r", error, exc_info=error)
    if isinstance(error, ApplicationError):
        return str(error)
    if isinstance(error, urllib.error.HTTPError):
        if error.code in (401, 403):
            return _(
                "Deze agenda is afgeschermd. Zet in uw agendaprogramma „openbaar delen” of „publiceren” aan "
                "en kopieer het adres dat u dan krijgt."
            )
        if error.code in (404, 410):
            return _(
                "Op dit adres staat geen agenda (meer). Kopieer het adres opnieuw uit uw agendaprogramma."
            )
        return _("De website van de agenda gaf een fout (%(code)s). Probeer het later nog eens.") % {
            "code": error.code
        }
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, socket.gaierror | ConnectionRefusedError):
        return _("Dit adres bestaat niet of is niet bereikbaar. Kijk of het goed is overgenomen.")
    if isinstance(reason, TimeoutError | socket.timeout):
        return _("De website van de agenda gaf niet op tijd antwoord. Probeer het later nog eens.")
    if isinstance(reason, ssl.SSLError):
        return _("De beveiligde verbinding met deze website lukt niet. Vraag de beheerder van die website.")
    if isinstance(error, ValueError):
        return _(
            "Op dit adres staat geen agenda-bestand (iCal). Kopieer het iCal-adres uit uw agendaprogramma, "
            "niet het adres van de webpagina met de agenda."
        )
    return _("De agenda op dit adres konden we niet lezen. Probeer het later nog eens.")


_LINE_BREAKS = re.compile(r"<br\s*/?>|</p\s*>|</li\s*>", re.IGNORECASE)


def plain_text(value: str) -> str:
    """Text from outside (an imported feed) without any markup: tags and scripts go, words stay."""
    cleaned = nh3.clean(_LINE_BREAKS.sub("\n", value or ""), tags=set(), attributes={})
    return without_control_characters(html.unescape(cleaned)).strip()


def _imported_values(*, item: dict, feed, now: datetime) -> dict:
    description = plain_text(item["description"])
    title = plain_text(item["title"])[:120] or _("Activiteit")
    place = plain_text(item["location"])[:120]
    return {
        "title": title,
        "summary": (description.split("\n")[0] or title)[:200],
        "description": description,
        "organisation": feed.organisation,
        "location": location_named(place) if place else None,
        "category": feed.category,
        "starts_at": item["start"],
        "duration": item["end"] - item["start"],
        "rrule": item["rrule"],
        "exdates": item["exdates"],
        "rdates": item.get("rdates", []),
        # A feed says nothing about cost or sign-up: unknown, never "Gratis" or "Aanmelden is niet nodig".
        "cost": None,
        "cost_known": False,
        "registration": Activity.Registration.UNKNOWN,
        "status": Activity.Status.CANCELLED if item["cancelled"] else Activity.Status.PUBLISHED,
        "confirmed_at": now,
    }


def _import_series(*, feed, item: dict, now: datetime) -> bool:
    """Create or update one series of the feed; True when it is new."""
    values = _imported_values(item=item, feed=feed, now=now)
    activity = Activity.objects.filter(feed=feed, import_uid=item["uid"]).first()
    created = activity is None
    if created:
        activity = Activity(feed=feed, import_uid=item["uid"], **values)
        save_activity_with_unique_slug(activity)
    else:
        for name, value in values.items():
            setattr(activity, name, value)
        activity.save()
    materialise_occurrences(activity=activity)
    return created


def _import_override(*, feed, item: dict) -> None:
    occurrence = Occurrence.objects.filter(
        activity__feed=feed, activity__import_uid=item["uid"], original_start=item["recurrence_id"]
    ).first()
    if occurrence is None:
        return
    occurrence.is_cancelled = item["cancelled"]
    occurrence.reason = plain_text(item.get("reason", ""))[:200] if item["cancelled"] else ""
    occurrence.start, occurrence.end = item["start"], item["end"]
    occurrence.is_moved = occurrence.start != occurrence.original_start
    occurrence.save()


def import_ical_feed(*, feed, now: datetime | None = None) -> dict[str, int]:
    """Import one organisation's feed: update in place by UID, never duplicate, remove what left the feed.

    A conditional GET (ETag, Last-Modified) skips an unchanged feed. The outcome is kept on the feed."""
    from .ical import events_of

    now = now or timezone.now()
    counts = {"created": 0, "updated": 0, "removed": 0, "failed": 0}
    try:
        body, headers = fetch_feed(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        if body is None:
            counts["unchanged"] = 1
            _record_import(feed=feed, now=now, counts=counts)
            return counts
        series, overrides = events_of(body)
    except Exception as exc:  # noqa: BLE001 — a broken or unreachable feed is recorded, never fatal
        counts["failed"] = 1
        feed.last_error = feed_problem(exc)[:300]
        feed.last_result = {**counts, "at": now.isoformat()}
        feed.save(update_fields=["last_error", "last_result"])
        return counts
    with transaction.atomic():
        for item in series:
            counts["created" if _import_series(feed=feed, item=item, now=now) else "updated"] += 1
        for item in overrides:
            _import_override(feed=feed, item=item)
        seen = {item["uid"] for item in series}
        gone = feed.activities.exclude(import_uid__in=seen).exclude(status=Activity.Status.CANCELLED)
        counts["removed"] = gone.update(status=Activity.Status.CANCELLED)
        feed.etag = (headers.get("ETag") or headers.get("Etag") or "")[:200]
        feed.last_modified = (headers.get("Last-Modified") or "")[:100]
        _record_import(feed=feed, now=now, counts=counts)
    return counts


@transaction.atomic
def clear_posts_of_deleted_account(*, user, former, keep_posts: bool) -> list[str]:
    """Before an account goes: the activities the person posted themselves (not for an organisation) are
    removed, or kept without their name (`keep_posts`; the owner becomes empty). An organisation's
    activities stay with the organisation. Returns the URLs of the removed activities."""
    own = Activity.objects.filter(owner=user, organisation__isnull=True)
    if keep_posts:
        own.update(owner=None)
        return []
    removed = [activity.get_absolute_url() for activity in own]
    own.delete()
    return removed


def _record_import(*, feed, now: datetime, counts: dict) -> None:
    feed.last_imported_at, feed.last_error = now, ""
    feed.last_result = {**counts, "at": now.isoformat()}
    feed.save(update_fields=["last_imported_at", "last_error", "last_result", "etag", "last_modified"])


# --- places --------------------------------------------------------------------------------------------


def can_edit_locations(*, user) -> bool:
    return getattr(user, "is_authenticated", False) and (is_professional(user) or is_moderator(user))


def require_location_editor(*, user) -> None:
    if not can_edit_locations(user=user):
        raise ApplicationError(_("Alleen professionals en moderatoren wijzigen plekken."), code="forbidden")


@transaction.atomic
def update_location(*, location: Location, by, **fields) -> Location:
    """A professional or moderator keeps a place's address and map point current."""
    require_location_editor(user=by)
    for name, value in fields.items():
        setattr(location, name, value)
    location.full_clean()
    location.save()
    return location

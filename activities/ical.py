"""iCalendar export and import through the `icalendar` library, in Europe/Amsterdam."""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from .models import Activity, Occurrence
from .recurrence import local_zone, parse_exdates, to_local_naive

PRODID = "-//Wij(k) de Ruwaard//Agenda//NL"


def _vtimezone() -> Timezone:
    """Europe/Amsterdam as RRULE-based VTIMEZONE (the EU rule since 1996): the form that every calendar
    client reads, older phones and dateutil's tzical included."""
    zone = Timezone()
    zone.add("tzid", settings.TIME_ZONE)
    zone.add_component(_observance(TimezoneDaylight(), "CEST", datetime(1981, 3, 29, 2, 0), hours=(1, 2)))
    zone.add_component(_observance(TimezoneStandard(), "CET", datetime(1996, 10, 27, 3, 0), hours=(2, 1)))
    return zone


def _observance(part, name: str, start: datetime, *, hours: tuple[int, int]):
    """Summer or winter time: yearly from the last Sunday of the month of `start`, the offset from UTC
    goes from hours[0] to hours[1]."""
    part.add("tzname", name)
    part.add("dtstart", start)
    part.add("tzoffsetfrom", timedelta(hours=hours[0]))
    part.add("tzoffsetto", timedelta(hours=hours[1]))
    part.add("rrule", {"FREQ": "YEARLY", "BYMONTH": start.month, "BYDAY": "-1SU"})
    return part


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add_component(_vtimezone())
    return cal


def _local(moment: datetime) -> datetime:
    return moment.astimezone(local_zone())


def _describe(event: Event, activity: Activity, base_url: str, notes: Iterable[str] = ()) -> None:
    url = base_url.rstrip("/") + activity.get_absolute_url()
    parts = [*notes, activity.summary, activity.description, url]
    event.add("summary", activity.title)
    event.add("description", "\n\n".join(part for part in parts if part))
    if activity.location_id:
        where = activity.location.name + (
            f", {activity.location.address}" if activity.location.address else ""
        )
        event.add("location", where)
    event.add("url", url)
    event.add("categories", [activity.get_category_display()])
    event.add("dtstamp", timezone.now())


def activity_calendar(*, activity: Activity, moved: Iterable[Occurrence], base_url: str) -> bytes:
    """One activity as a series: RRULE, EXDATE for skipped and cancelled dates, overrides for moved ones."""
    cal = _calendar(activity.title)
    uid = f"activity-{activity.pk}@wijkderuwaard"
    master = Event()
    master.add("uid", uid)
    cancelled = list(activity.occurrences.filter(is_cancelled=True, end__gt=timezone.now()).order_by("start"))
    _describe(master, activity, base_url, notes=[_cancel_note(o) for o in cancelled])
    master.add("dtstart", _local(activity.starts_at))
    master.add("duration", activity.duration)
    if activity.rrule:
        rule = vRecur.from_ical(activity.rrule.removeprefix("RRULE:"))
        if activity.ends_on:
            rule["UNTIL"] = datetime.combine(
                activity.ends_on, time(23, 59, 59), tzinfo=local_zone()
            ).astimezone(UTC)
        master.add("rrule", rule)
        skipped = {n.replace(tzinfo=local_zone()) for n in parse_exdates(activity.exdates)}
        moved = list(moved)
        skipped |= {_local(o.original_start) for o in activity.occurrences.filter(is_cancelled=True)}
        for moment in sorted(skipped):
            master.add("exdate", moment)
    cal.add_component(master)
    for occurrence in moved:
        override = Event()
        override.add("uid", uid)
        _describe(override, activity, base_url)
        override.add("recurrence-id", _local(occurrence.original_start))
        override.add("dtstart", _local(occurrence.start))
        override.add("dtend", _local(occurrence.end))
        cal.add_component(override)
    return cal.to_ical()


def _cancel_note(occurrence: Occurrence) -> str:
    day = date_format(_local(occurrence.start), "l j F")
    note = _("Gaat niet door op %(day)s.") % {"day": day}
    return note + (f" {occurrence.reason}" if occurrence.reason else "")


def occurrences_calendar(*, occurrences: Iterable[Occurrence], name: str, base_url: str) -> bytes:
    """A subscription feed: every date as its own event, cancelled dates marked CANCELLED."""
    cal = _calendar(name)
    for occurrence in occurrences:
        activity = occurrence.activity
        event = Event()
        event.add("uid", f"occurrence-{activity.pk}-{occurrence.original_start:%Y%m%dT%H%M%SZ}@wijkderuwaard")
        _describe(event, activity, base_url)
        event.add("dtstart", _local(occurrence.start))
        event.add("dtend", _local(occurrence.end))
        if occurrence.is_cancelled:
            event.add("status", "CANCELLED")
            event["summary"] = f"{activity.title} ({_('gaat niet door')})"
            event["description"] = _cancel_note(occurrence) + "\n\n" + str(event["description"])
        else:
            event.add("status", "CONFIRMED")
        cal.add_component(event)
    return cal.to_ical()


# --- import ---------------------------------------------------------------------------------------


def _as_aware(value, zone=None) -> datetime:
    """An aware moment; floating times and dates are read in `zone` (the feed's X-WR-TIMEZONE) or ours."""
    zone = zone or local_zone()
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=zone)
        return value
    if isinstance(value, date):
        return datetime.combine(value, time.min, tzinfo=zone)
    raise ValueError("not a date")


def _feed_zone(cal: Calendar):
    """Google Calendar names the zone of UTC and floating times in X-WR-TIMEZONE (not in a VTIMEZONE)."""
    name = str(cal.get("x-wr-timezone", "")).strip()
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _moments(component, name: str, zone) -> list[str]:
    """EXDATE or RDATE values as naive local ISO strings (one or more properties, each a list)."""
    raw = component.get(name)
    values = []
    for group in raw if isinstance(raw, list) else ([raw] if raw is not None else []):
        for moment in group.dts:
            value = moment.dt[0] if isinstance(moment.dt, tuple) else moment.dt  # an RDATE may be a period
            values.append(to_local_naive(_as_aware(value, zone)).isoformat(timespec="minutes"))
    return values


def events_of(data: bytes) -> tuple[list[dict], list[dict]]:
    """Parse a feed into (series, overrides). Raises ValueError on a broken feed."""
    cal = Calendar.from_ical(data)
    zone = _feed_zone(cal)
    series, overrides = [], []
    for component in cal.walk("VEVENT"):
        uid = str(component.get("uid", "")).strip()
        if not uid or component.get("dtstart") is None:
            continue
        start = _as_aware(component.decoded("dtstart"), zone)
        if component.get("dtend") is not None:
            end = _as_aware(component.decoded("dtend"), zone)
        elif component.get("duration") is not None:
            end = start + component.decoded("duration")
        else:
            end = start + (
                timedelta(days=1)
                if not isinstance(component.decoded("dtstart"), datetime)
                else timedelta(hours=1)
            )
        cancelled = str(component.get("status", "")).upper() == "CANCELLED"
        item = {
            "uid": uid[:300],
            "start": start,
            "end": end,
            "title": str(component.get("summary", "")).strip()[:120] or "Activiteit",
            "description": str(component.get("description", "")).strip(),
            "location": str(component.get("location", "")).strip()[:120],
            "cancelled": cancelled,
            "reason": str(component.get("description", "")).strip().split("\n")[0][:200] if cancelled else "",
        }
        if component.get("recurrence-id") is not None:
            item["recurrence_id"] = _as_aware(component.decoded("recurrence-id"), zone)
            overrides.append(item)
            continue
        rule = component.get("rrule")
        item["rrule"] = rule.to_ical().decode() if rule is not None else ""
        item["exdates"] = _moments(component, "exdate", zone)
        item["rdates"] = _moments(component, "rdate", zone)
        series.append(item)
    return series, overrides

"""The schedule engine: RFC 5545 RRULE (python-dateutil) in wall-clock time of Europe/Amsterdam.

A rule is expanded on naive local times and every result is then placed in the local time zone, so
"every Tuesday at 10:00" stays at 10:00 across daylight-saving changes.
"""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr
from django.conf import settings
from django.utils.translation import gettext as _


class RecurrenceError(ValueError):
    pass


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def to_local_naive(moment: datetime) -> datetime:
    return moment.astimezone(local_zone()).replace(tzinfo=None)


def localize(naive: datetime) -> datetime:
    return naive.replace(tzinfo=local_zone())


def parse_rrule(rule: str, *, dtstart: datetime) -> rrule:
    """Parse one RRULE (without the "RRULE:" prefix or with it) against a naive local start."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if not text or "\n" in text:
        raise RecurrenceError(_("Geef één herhaalregel op."))
    try:
        parsed = rrulestr(text, dtstart=dtstart, ignoretz=True)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise RecurrenceError(_("Deze herhaalregel begrijpen we niet: %(rule)s") % {"rule": rule}) from exc
    if not isinstance(parsed, rrule):
        raise RecurrenceError(_("Geef één herhaalregel op."))
    return parsed


def validate_rrule(rule: str) -> None:
    parse_rrule(rule, dtstart=datetime(2026, 1, 5, 10, 0))


def parse_exdates(values: Iterable[str]) -> set[datetime]:
    """Exception dates are stored as naive local ISO strings ("2026-03-31T10:00")."""
    result = set()
    for value in values:
        try:
            result.add(datetime.fromisoformat(value).replace(tzinfo=None, second=0, microsecond=0))
        except (TypeError, ValueError):
            continue
    return result


def expand(
    *,
    starts_at: datetime,
    rule: str,
    exdates: Iterable[str] = (),
    rdates: Iterable[str] = (),
    ends_on: date | None = None,
    window_start: datetime,
    window_end: datetime,
) -> list[datetime]:
    """Aware local start times of the schedule with window_start <= start < window_end."""
    first = to_local_naive(starts_at).replace(second=0, microsecond=0)
    lo, hi = to_local_naive(window_start), to_local_naive(window_end)
    if ends_on is not None and ends_on < date.max:
        hi = min(hi, datetime.combine(ends_on + timedelta(days=1), time.min))
    if not rule:
        candidates = [first] if lo <= first < hi else []
    else:
        # One day of slack on both sides: the UTC bounds are checked again after localising.
        candidates = parse_rrule(rule, dtstart=first).between(
            lo - timedelta(days=1), hi + timedelta(days=1), inc=True
        )
    extra = {d for d in parse_exdates(rdates) if lo - timedelta(days=1) <= d <= hi + timedelta(days=1)}
    skip = parse_exdates(exdates)
    starts = []
    for naive in sorted(set(candidates) | extra):
        if naive in skip:
            continue
        aware = localize(naive)
        if window_start <= aware < window_end and (ends_on is None or naive.date() <= ends_on):
            starts.append(aware)
    return starts

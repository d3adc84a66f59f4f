"""Reads on activities: the agenda, walk-in hours, one activity's dates, the home page."""

from datetime import date, datetime, time, timedelta
from itertools import groupby

from django.db.models import Q, QuerySet
from django.utils import timezone

from .filters import AgendaFilterSet
from .models import Activity, Occurrence
from .recurrence import localize


def public_activities() -> QuerySet[Activity]:
    """Every activity an anonymous visitor may see (published only)."""
    return Activity.objects.published().select_related("organisation", "location", "image")


def day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return localize(datetime.combine(start, time.min)), localize(datetime.combine(end, time.min))


def agenda_occurrences(*, filters: AgendaFilterSet) -> QuerySet[Occurrence]:
    """Occurrences of published activities in the filters' period, every valid filter applied; one query."""
    first_day, last_day = filters.period
    start, end = day_bounds(first_day, last_day)
    qs = (
        filters.qs.between(start, end)
        .select_related("activity", "activity__location", "activity__organisation")
        .order_by("start", "activity__title")
    )
    if first_day <= timezone.localdate():
        qs = qs.filter(end__gt=timezone.now())
    return qs


def group_by_day(occurrences) -> list[tuple[date, list[Occurrence]]]:
    return [
        (day, list(items))
        for day, items in groupby(occurrences, key=lambda o: timezone.localtime(o.start).date())
    ]


def upcoming_occurrences(*, activity: Activity, limit: int = 8) -> list[Occurrence]:
    return list(activity.occurrences.upcoming().order_by("start")[:limit])


def walk_in_hours(*, now: datetime | None = None, days: int = 7) -> dict[str, list[Occurrence]]:
    """Walk-in hours: open now first, then later today, then the rest of the week (one query)."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    start, end = day_bounds(today, today + timedelta(days=days))
    rows = list(
        Occurrence.objects.visible()
        .between(start, end)
        .filter(end__gt=now, activity__kind=Activity.Kind.WALK_IN)
        .select_related("activity", "activity__location", "activity__organisation")
        .order_by("start")
    )
    groups: dict[str, list[Occurrence]] = {"open_now": [], "today": [], "week": []}
    for occurrence in rows:
        if not occurrence.is_cancelled and occurrence.start <= now < occurrence.end:
            groups["open_now"].append(occurrence)
        elif timezone.localtime(occurrence.start).date() == today:
            groups["today"].append(occurrence)
        else:
            groups["week"].append(occurrence)
    return groups


def today_in_the_district(*, now: datetime | None = None, limit: int = 6) -> list[Occurrence]:
    """The home page: what is still on today (activities only)."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    start, end = day_bounds(today, today + timedelta(days=1))
    return list(
        Occurrence.objects.visible()
        .between(start, end)
        .filter(end__gt=now, is_cancelled=False, activity__kind=Activity.Kind.ACTIVITY)
        .select_related("activity", "activity__location", "activity__organisation")
        .order_by("start")[:limit]
    )


def open_walk_ins(*, now: datetime | None = None, limit: int = 6) -> list[Occurrence]:
    now = now or timezone.now()
    return list(
        Occurrence.objects.visible()
        .open_at(now)
        .filter(activity__kind=Activity.Kind.WALK_IN)
        .select_related("activity", "activity__location", "activity__organisation")
        .order_by("end")[:limit]
    )


def my_activities(*, user) -> QuerySet[Activity]:
    if not user.is_authenticated:
        return Activity.objects.none()
    return (
        Activity.objects.filter(Q(owner=user) | Q(organisation__memberships__user=user))
        .distinct()
        .exclude(status=Activity.Status.CANCELLED)
        .select_related("location", "organisation")
        .order_by("title")
    )


def impact_counts(*, start: datetime, end: datetime) -> dict[str, int]:
    """Figures for the impact page: dates held in [start, end) and activities posted."""
    held = Occurrence.objects.filter(start__gte=start, start__lt=end, is_cancelled=False).exclude(
        activity__status__in=[Activity.Status.DRAFT, Activity.Status.PENDING]
    )
    return {
        "activity_dates": held.filter(activity__kind=Activity.Kind.ACTIVITY).count(),
        "walk_in_dates": held.filter(activity__kind=Activity.Kind.WALK_IN).count(),
        "new_activities": Activity.objects.filter(created_at__gte=start, created_at__lt=end).count(),
    }

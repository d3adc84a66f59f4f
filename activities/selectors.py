"""Reads on activities: the agenda, walk-in hours, one activity's dates, the home page."""

from datetime import date, datetime, time, timedelta
from itertools import groupby

from django.db.models import (
    Case,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.utils import timezone

from .filters import AgendaFilterSet
from .models import Activity, Attendance, Occurrence, PersonalFeed
from .recurrence import localize


def public_activities() -> QuerySet[Activity]:
    """Every activity an anonymous visitor may see (published only)."""
    return Activity.objects.published().select_related("organisation", "location", "image")


def _next_date(now: datetime | None = None) -> QuerySet[Occurrence]:
    """The dates of the outer activity still to go to, soonest first (for a subquery)."""
    return Occurrence.objects.filter(
        activity=OuterRef("pk"), end__gt=now or timezone.now(), is_cancelled=False
    ).order_by("start")


def next_dates(pks, *, now: datetime | None = None) -> dict[int, Occurrence]:
    """The next date of each of these activities: one that goes ahead and has not ended (so one that is on
    now counts), with its start and end; one query."""
    first = _next_date(now).values("pk")[:1]
    ids = Activity.objects.filter(pk__in=pks).annotate(next_id=Subquery(first)).values("next_id")
    return {o.activity_id: o for o in Occurrence.objects.filter(pk__in=ids).only("activity", "start", "end")}


def with_next_dates(activities) -> list[tuple[Activity, Occurrence | None]]:
    """Each activity with its next date (None: no date to come); one query."""
    activities = list(activities)
    dates = next_dates([activity.pk for activity in activities])
    return [(activity, dates.get(activity.pk)) for activity in activities]


def of_organisation(*, organisation, limit: int = 8) -> dict[str, list[tuple[Activity, Occurrence]]]:
    """An organisation's walk-in hours and activities that have a date to come, soonest first; two queries."""
    activities = public_activities().filter(organisation=organisation).order_by("title")
    coming = sorted(
        ((activity, date) for activity, date in with_next_dates(activities) if date is not None),
        key=lambda pair: pair[1].start,
    )
    return {
        kind: [pair for pair in coming if pair[0].kind == kind][:limit]
        for kind in (Activity.Kind.WALK_IN, Activity.Kind.ACTIVITY)
    }


def day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return localize(datetime.combine(start, time.min)), localize(datetime.combine(end, time.min))


def agenda_occurrences(*, filters: AgendaFilterSet, with_going: bool = False) -> QuerySet[Occurrence]:
    """Occurrences of published activities in the filters' period, every valid filter applied; one query.
    `with_going` adds `going` to each (how many said "ik kom"), for the agenda's cards."""
    first_day, last_day = filters.period
    start, end = day_bounds(first_day, last_day)
    qs = (
        filters.qs.between(start, end)
        .select_related("activity", "activity__location", "activity__organisation")
        .order_by("start", "activity__title")
    )
    if with_going:
        qs = qs.annotate(going=_going())
    if first_day <= timezone.localdate():
        qs = qs.filter(end__gt=timezone.now())
    return qs


def _going() -> Count:
    return Count("attendances", filter=Q(attendances__status=Attendance.Status.GOING))


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
    _start, end = day_bounds(today, today + timedelta(days=days))
    rows = list(
        Occurrence.objects.visible()
        # not yet over, and starting within the week: one that began before midnight and is still open too
        .filter(start__lt=end, end__gt=now, activity__kind=Activity.Kind.WALK_IN)
        .select_related("activity", "activity__location", "activity__organisation")
        .order_by("start")
    )
    groups: dict[str, list[Occurrence]] = {"open_now": [], "today": [], "week": []}
    for occurrence in rows:
        if not occurrence.is_cancelled and occurrence.start <= now < occurrence.end:
            groups["open_now"].append(occurrence)
        elif timezone.localtime(occurrence.start).date() < today:
            continue  # began yesterday and is not open (cancelled): not news for the week
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
        .select_related("location", "organisation", "owner")
        .annotate(next_start=Subquery(_next_date().values("start")[:1]))
        .order_by(NEEDS_ATTENTION_FIRST, F("next_start").asc(nulls_last=True), "title", "pk")
    )


#: What asks something of the organiser comes first: hidden or stale, then waiting, then drafts.
NEEDS_ATTENTION_FIRST = Case(
    *(
        When(status=status, then=Value(rank))
        for rank, status in enumerate(
            [Activity.Status.HIDDEN, Activity.Status.STALE, Activity.Status.PENDING, Activity.Status.DRAFT]
        )
    ),
    default=Value(9),
)


#: A date counts as "kept current" when its activity was confirmed at most this long before it.
KEPT_CURRENT = timedelta(weeks=8)
#: How long after its last confirmation a recurring activity turns stale (services.STALE_AFTER).
_STALE_AFTER = timedelta(weeks=12)


def held_occurrences(
    *, start: datetime, end: datetime, now: datetime, organisation=None
) -> QuerySet[Occurrence]:
    """Dates that took place in [start, end): begun before `now`, not cancelled, while the activity was live.

    Without a status history the live window is read from the activity itself: a published activity was
    live from its creation on; a stale one until its last confirmation plus the stale limit; a cancelled
    one until its last change. Drafts and activities waiting for approval were never live.
    """
    Status = Activity.Status
    live = (
        Q(activity__status=Status.PUBLISHED, start__gte=F("activity__created_at"))
        | Q(activity__status=Status.STALE, start__lt=F("activity__confirmed_at") + _STALE_AFTER)
        | Q(activity__status=Status.CANCELLED, start__lt=F("activity__updated_at"))
    )
    held = Occurrence.objects.filter(live, start__gte=start, start__lt=min(end, now), is_cancelled=False)
    if organisation is not None:
        held = held.filter(activity__organisation=organisation)
    return held


def impact_counts(*, start: datetime, end: datetime, now: datetime, organisation=None) -> dict[str, int]:
    """Figures for the impact page: dates and walk-in minutes held in [start, end), and how many were current."""
    kind = Activity.Kind
    length = ExpressionWrapper(F("end") - F("start"), output_field=DurationField())
    row = held_occurrences(start=start, end=end, now=now, organisation=organisation).aggregate(
        activity_dates=Count("id", filter=Q(activity__kind=kind.ACTIVITY)),
        walk_in_dates=Count("id", filter=Q(activity__kind=kind.WALK_IN)),
        current_dates=Count("id", filter=Q(activity__confirmed_at__gte=F("start") - KEPT_CURRENT)),
        walk_in_time=Sum(length, filter=Q(activity__kind=kind.WALK_IN)),
    )
    walk_in_time = row.pop("walk_in_time") or timedelta()
    return {**row, "walk_in_minutes": int(walk_in_time.total_seconds() // 60)}


def impact_by_category(*, start: datetime, end: datetime, now: datetime, organisation=None) -> dict[str, int]:
    """Dates held in [start, end) per category value."""
    rows = (
        held_occurrences(start=start, end=end, now=now, organisation=organisation)
        .values("activity__category")
        .annotate(n=Count("id"))
    )
    return {row["activity__category"]: row["n"] for row in rows}


# --- "ik kom" ---------------------------------------------------------------------------------------


def upcoming_occurrences_with_places(
    *, activity: Activity, user, guest_attendances=(), limit: int = 8
) -> list[Occurrence]:
    """The next dates, each with `going` (how many come), `places_left` and `mine` (the visitor's attendance:
    by account, or for a guest one of `guest_attendances`, the sign-ups made in this browser)."""
    dates = list(activity.occurrences.upcoming().annotate(going=_going()).order_by("start")[:limit])
    if getattr(user, "is_authenticated", False):
        theirs = Attendance.objects.filter(user=user)
    else:
        theirs = Attendance.objects.filter(pk__in=list(guest_attendances), user__isnull=True)
    mine = {
        a.occurrence_id: a
        for a in theirs.filter(occurrence__in=dates).exclude(status=Attendance.Status.CANCELLED)
    }
    for occurrence in dates:
        occurrence.mine = mine.get(occurrence.pk)
        places = activity.max_places
        occurrence.places_left = None if places is None else max(places - occurrence.going, 0)
    return dates


def attendees(*, occurrence: Occurrence) -> QuerySet[Attendance]:
    """Who comes and who waits for one date, in order of sign-up (the organiser's list)."""
    return (
        occurrence.attendances.exclude(status=Attendance.Status.CANCELLED)
        .select_related("user")
        .order_by("status", "created_at", "pk")
    )


def my_attendances(*, user, now: datetime | None = None) -> QuerySet[Attendance]:
    """The dates a resident comes to or waits for, from today on."""
    now = now or timezone.now()
    return (
        Attendance.objects.filter(user=user, occurrence__end__gt=now)
        .exclude(status=Attendance.Status.CANCELLED)
        .select_related("occurrence__activity__location", "occurrence__activity__organisation")
        .order_by("occurrence__start")
    )


def personal_feed_attendances(*, token: str) -> QuerySet[Attendance] | None:
    """The dates in the private feed with this secret token; None when the token is unknown (or renewed)."""
    feed = PersonalFeed.objects.filter(token=token).select_related("user").first()
    if feed is None:
        return None
    since = timezone.now() - timedelta(days=30)
    return (
        Attendance.objects.filter(user=feed.user, status=Attendance.Status.GOING, occurrence__end__gt=since)
        .select_related("occurrence__activity__location", "occurrence__activity__organisation")
        .order_by("occurrence__start")
    )


# --- the map ----------------------------------------------------------------------------------------


def places_of(occurrences) -> list[dict]:
    """The dates grouped by location, in name order; `has_coordinates` says whether it gets a marker.

    The map page lists every place (the view without JavaScript or tiles); the script reads the same list."""
    places: dict[int | None, dict] = {}
    for occurrence in occurrences:
        location = occurrence.activity.location
        key = location.pk if location else None
        place = places.setdefault(key, {"location": location, "occurrences": []})
        place["occurrences"].append(occurrence)
    named = [p for key, p in places.items() if key is not None]
    named.sort(key=lambda p: p["location"].name.lower())
    return named + ([places[None]] if None in places else [])

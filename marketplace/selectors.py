"""Reads of the marketplace."""

from datetime import datetime

from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet
from django.db.models.functions import Greatest
from django.utils import timezone

from accounts.roles import is_moderator

from . import matching
from .models import Conversation, FollowUp, Kind, Listing, MatchPreference, Message, Response


def public_listings() -> QuerySet[Listing]:
    """Every listing an anonymous visitor may see (not hidden, expired, pending or closed)."""
    return Listing.objects.visible().select_related("owner")


def listing_page(*, filterset=None) -> QuerySet[Listing]:
    """The public list, narrowed by a ListingFilterSet (its wrong values are left out)."""
    qs = public_listings()
    if filterset is not None:
        qs = filterset.filter_queryset(qs) if filterset.is_valid() else _valid_filters(filterset, qs)
    return qs.open_first()


def _valid_filters(filterset, qs: QuerySet[Listing]) -> QuerySet[Listing]:
    for name, value in filterset.values.items():
        if value:
            qs = filterset.filters[name].filter(qs, value)
    return qs


def newest_listings(*, limit: int = 6) -> list[Listing]:
    return list(Listing.objects.open().select_related("owner").newest_first()[:limit])


def listing_for(*, pk: int, user) -> Listing | None:
    """The listing if `user` may see it: visible to all; pending, closed, expired or hidden to its owner
    (a hidden one shows them why); everything to moderators."""
    listing = Listing.objects.select_related("owner").filter(pk=pk).first()
    if listing is None:
        return None
    if is_moderator(user) or listing.is_visible():
        return listing
    if getattr(user, "is_authenticated", False) and listing.owner_id == user.pk:
        return listing
    return None


def matches_for(*, listing: Listing, limit: int = 5, now: datetime | None = None) -> list[matching.Match]:
    """The best open listings of the other kind for `listing`, as Match(listing, score)."""
    now = now or timezone.now()
    rows = (
        Listing.objects.open(now)
        .filter(kind=matching.opposite(listing.kind))
        .exclude(owner_id=listing.owner_id)
        .values_list(*matching.Candidate.FIELDS)
    )
    best = matching.rank(listing, (matching.Candidate(*row) for row in rows), now=now, limit=limit)
    found = Listing.objects.select_related("owner").in_bulk([m.listing.pk for m in best])
    return [matching.Match(listing=found[m.listing.pk], score=m.score) for m in best if m.listing.pk in found]


def conversations_of(*, user) -> QuerySet[Conversation]:
    return (
        Conversation.objects.for_user(user)
        .select_related("response__listing__owner", "response__responder")
        .annotate(message_count=Count("messages", filter=Q(messages__is_hidden=False)))
        .order_by("-updated_at", "-id")  # a grouped query drops Meta.ordering: say it here
    )


def conversation_for(*, pk: int, user) -> Conversation | None:
    """The conversation if `user` takes part in it (moderators see it only through reports)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Conversation.objects.for_user(user)
        .select_related("response__listing__owner", "response__responder")
        .prefetch_related(Prefetch("messages", queryset=Message.objects.select_related("author")))
        .filter(pk=pk)
        .first()
    )


def responses_for_owner(*, listing: Listing) -> list[Response]:
    return list(listing.responses.select_related("responder", "conversation"))


def response_of(*, listing: Listing, user) -> Response | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return listing.responses.select_related("conversation").filter(responder=user).first()


def listings_of(*, user) -> QuerySet[Listing]:
    return (
        Listing.objects.filter(owner=user).annotate(response_count=Count("responses")).order_by("-created_at")
    )


def open_follow_ups(*, user) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(user=user, answered_at__isnull=True).select_related("response__listing")


def preference_of(*, user) -> MatchPreference:
    return MatchPreference.objects.filter(user=user).first() or MatchPreference(user=user)


def outcome_counts(*, start: datetime, end: datetime) -> dict[str, int]:
    """For the impact figures: "ja", the matches that someone first called a success in [start, end) (by
    "Het is klaar" or by answering "Is het gelukt?"), so one per match, as the matches are counted; the
    other answers to "Is het gelukt?" given in the period, one per person."""
    counts = dict.fromkeys(FollowUp.Answer.values, 0)
    rows = (
        FollowUp.objects.filter(answered_at__gte=start, answered_at__lt=end)
        .exclude(answer=FollowUp.Answer.YES)
        .values("answer")
        .annotate(n=Count("id"))
    )
    for row in rows:
        counts[row["answer"]] = row["n"]
    yes = Q(follow_ups__answer=FollowUp.Answer.YES)
    counts[FollowUp.Answer.YES] = (
        Response.objects.annotate(first_yes=Min("follow_ups__answered_at", filter=yes))
        .filter(first_yes__gte=start, first_yes__lt=end)
        .count()
    ) + (  # both said "klaar" before saying it also answered "Is het gelukt?"
        Response.objects.filter(owner_done_at__isnull=False, responder_done_at__isnull=False)
        .annotate(done_at=Greatest("owner_done_at", "responder_done_at"))
        .filter(done_at__gte=start, done_at__lt=end)
        .exclude(yes)
        .count()
    )
    counts["matches"] = Response.objects.filter(accepted_at__gte=start, accepted_at__lt=end).count()
    return counts


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    values = sorted(values)
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def impact_counts(*, start: datetime, end: datetime, now: datetime | None = None) -> dict:
    """Figures for the impact page over [start, end).

    asks/offers: listings placed; matches: responses accepted; matched_asks: asks placed in the period
    that found a helper (by now); median_match_hours: from placing to the accepted response, over the
    matches of the period; volunteer_minutes: per match answered in the period, the longest time either
    side reported (so a match is never counted twice); timed_matches: how many matches those minutes are of.
    """
    in_period = {"created_at__gte": start, "created_at__lt": end}
    posted = Listing.objects.filter(**in_period).values("kind").annotate(n=Count("id"))
    by_kind = {row["kind"]: row["n"] for row in posted}
    matched_asks = (
        Listing.objects.filter(**in_period, kind=Kind.ASK, responses__accepted_at__isnull=False)
        .values("id")
        .distinct()
        .count()
    )
    waits = Response.objects.filter(accepted_at__gte=start, accepted_at__lt=end).values_list(
        "accepted_at", "listing__created_at"
    )
    minutes = list(
        FollowUp.objects.filter(answered_at__gte=start, answered_at__lt=end, minutes_spent__isnull=False)
        .values("response")
        .annotate(longest=Max("minutes_spent"))
        .values_list("longest", flat=True)
    )
    median = _median([(accepted - placed).total_seconds() / 3600 for accepted, placed in waits])
    return {
        "asks": by_kind.get(Kind.ASK.value, 0),
        "offers": by_kind.get(Kind.OFFER.value, 0),
        "matched_asks": matched_asks,
        "median_match_hours": median,
        "volunteer_minutes": sum(minutes),
        "timed_matches": len(minutes),
        **outcome_counts(start=start, end=end),
    }


def impact_breakdown(*, start: datetime, end: datetime) -> dict[str, dict[str, dict[str, int]]]:
    """Listings placed in [start, end) per category and per neighbourhood part: {"category": {value: {kind: n}}}."""
    listings = Listing.objects.filter(created_at__gte=start, created_at__lt=end)
    result: dict[str, dict[str, dict[str, int]]] = {"category": {}, "area": {}}
    for field_name in result:
        for row in listings.values(field_name, "kind").annotate(n=Count("id")):
            result[field_name].setdefault(row[field_name], {})[row["kind"]] = row["n"]
    return result


def active_user_ids(*, start: datetime, end: datetime) -> list[QuerySet]:
    """Who did something in the marketplace in [start, end) (ids only, for a distinct count)."""
    return [
        Listing.objects.filter(created_at__gte=start, created_at__lt=end).values("owner_id"),
        Response.objects.filter(created_at__gte=start, created_at__lt=end).values("responder_id"),
        FollowUp.objects.filter(answered_at__gte=start, answered_at__lt=end).values("user_id"),
    ]

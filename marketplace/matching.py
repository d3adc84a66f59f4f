"""Rank asks against offers. Pure functions: the same input always gives the same order."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from core.text import content_words, stems_of

from .models import Area, Kind, Listing, Status, When

CATEGORY_WEIGHT = 4.0
AREA_WEIGHT = 2.0
WHEN_WEIGHT = 1.5
TEXT_WEIGHT = 3.0
RECENCY_WEIGHT = 0.3
RECENCY_DAYS = 42

# Words that say nothing about what help is asked or offered, on top of the common Dutch stop words.
_FILLER = frozenset(
    ["kan", "wil", "graag", "zou", "heb", "heeft", "hebben", "wordt", "iemand", "deze", "mij", "me"]
)


@lru_cache(maxsize=20_000)
def words(text: str) -> frozenset[str]:
    """The stems of a text's content words and compound parts, read as search reads them (core.text)."""
    kept = " ".join(w for w in content_words(text) if len(w) >= 3 and w not in _FILLER)
    return stems_of(kept)


def text_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True)
class Match:
    listing: Listing
    score: float


@dataclass(frozen=True, slots=True)
class Candidate:
    """The few fields ranking needs, read without building model instances."""

    pk: int
    kind: str
    category: str
    area: str
    when: str
    title: str
    text: str
    status: str
    is_pending: bool
    expires_at: datetime
    created_at: datetime
    owner_id: int

    FIELDS = (
        "pk",
        "kind",
        "category",
        "area",
        "when",
        "title",
        "text",
        "status",
        "is_pending",
        "expires_at",
        "created_at",
        "owner_id",
    )

    def is_matchable(self, now: datetime) -> bool:
        return self.status == Status.OPEN and not self.is_pending and self.expires_at > now


def score(listing: Listing, candidate: Listing, *, now: datetime, listing_words=None) -> float:
    """How well `candidate` fits `listing`; 0 unless they share the category or some words."""
    own = listing_words if listing_words is not None else words(f"{listing.title} {listing.text}")
    similarity = text_similarity(own, words(f"{candidate.title} {candidate.text}"))
    same_category = candidate.category == listing.category
    if not same_category and similarity == 0:
        return 0.0
    points = CATEGORY_WEIGHT if same_category else 0.0
    if candidate.area == listing.area:
        points += AREA_WEIGHT
    elif Area.WHOLE in (candidate.area, listing.area):
        points += AREA_WEIGHT / 2
    if candidate.when == listing.when:
        points += WHEN_WEIGHT
    elif When.ANY in (candidate.when, listing.when):
        points += WHEN_WEIGHT / 2
    points += TEXT_WEIGHT * similarity
    age_days = max((now - candidate.created_at).total_seconds() / 86400, 0)
    return points + RECENCY_WEIGHT * max(0.0, 1 - age_days / RECENCY_DAYS)


def opposite(kind: str) -> str:
    return Kind.OFFER if kind == Kind.ASK else Kind.ASK


def rank(listing: Listing, candidates: Iterable[Listing], *, now: datetime, limit: int = 5) -> list[Match]:
    """The best open listings of the other kind for `listing`, best first, ties broken by id."""
    wanted = opposite(listing.kind)
    own = words(f"{listing.title} {listing.text}")
    scored = []
    for candidate in candidates:
        if (
            candidate.kind != wanted
            or candidate.pk == listing.pk
            or candidate.owner_id == listing.owner_id
            or not candidate.is_matchable(now)
        ):
            continue
        points = score(listing, candidate, now=now, listing_words=own)
        if points > 0:
            scored.append(Match(listing=candidate, score=round(points, 6)))
    scored.sort(key=lambda m: (-m.score, m.listing.pk))
    return scored[:limit]

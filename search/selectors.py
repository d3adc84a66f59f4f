"""Reads for the search page and the search box."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from .analysis import did_you_mean as _did_you_mean
from .backends.database import current_vocabulary
from .backends.registry import call_with_fallback
from .documents import SearchHit, SearchResults, Suggestion
from .models import DocType, Promotion, SearchEntry, query_key
from .sources import category_label, source_for_label

BEST_COUNT = 3
FALLBACK_COUNT = 5


def _by_label(keys) -> dict[str, list[str]]:
    by_label: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        label, _, pk = key.partition(":")
        by_label[label].append(pk)
    return by_label


def visible_keys(keys: Sequence[str]) -> set[str]:
    """The keys whose objects an anonymous visitor may still see (the index may lag behind a clock or an
    update() that sent no signal). One query per kind of object."""
    visible: set[str] = set()
    for label, pks in _by_label(keys).items():
        source = source_for_label(label)
        if source is None:
            continue
        found = source.public_queryset().filter(pk__in=pks).values_list("pk", flat=True)
        visible.update(f"{label}:{pk}" for pk in found)
    return visible


def shown(hits: Sequence[SearchHit]) -> list[SearchHit]:
    """The hits an anonymous visitor may still see, each activity with when it is next on (read now: the
    index does not keep dates, which pass)."""
    visible = visible_keys([hit.key for hit in hits])
    dates: dict[str, tuple[datetime, datetime]] = {}
    for label, pks in _by_label(visible).items():
        source = source_for_label(label)
        dates.update({f"{label}:{pk}": when for pk, when in source.next_dates(pks).items()})
    return [
        replace(
            hit,
            category_label=category_label(hit.category, doc_type=hit.doc_type, stored=hit.category_label),
            **({"next_at": dates[hit.key][0], "next_end": dates[hit.key][1]} if hit.key in dates else {}),
        )
        for hit in hits
        if hit.key in visible
    ]


def search(*, query: str, user, types: Sequence[str] = (), category: str = "") -> SearchResults:
    results = call_with_fallback("search", query=query, user=user, types=types, category=category)
    hits = shown(results.hits)
    allowed = {hit.key for hit in hits}
    hidden = [hit for hit in results.hits if hit.key not in allowed]
    for hit in hidden:  # keep the counts in line with what is shown
        results.type_counts[hit.doc_type] = max(results.type_counts.get(hit.doc_type, 1) - 1, 0)
    results.type_counts = {doc_type: n for doc_type, n in results.type_counts.items() if n}
    results.hits = hits
    results.category_counts = {
        key: (category_label(key, stored=label), count)
        for key, (label, count) in results.category_counts.items()
    }
    results.total = max(results.total - len(hidden), len(results.hits))
    return results


def suggestions(*, query: str, user, limit: int = 8) -> list[Suggestion]:
    found = call_with_fallback("suggest", query=query, user=user)
    allowed = visible_keys([s.key for s in found if s.key])
    unique: dict[str, Suggestion] = {}
    for suggestion in found:  # a suggestion without a key is a word to search for, not an object
        if (not suggestion.key or suggestion.key in allowed) and suggestion.url not in unique:
            unique[suggestion.url] = suggestion
    return list(unique.values())[:limit]


def group_by_type(hits: Sequence[SearchHit], type_counts: dict[str, int]) -> list[dict]:
    """Results in the page's fixed order of types, each with its label and count."""
    groups = []
    for value, label in DocType.choices:
        items = [hit for hit in hits if hit.doc_type == value]
        if items:
            groups.append({"type": value, "label": label, "hits": items, "count": type_counts.get(value, 0)})
    return groups


def _entry_hit(entry: SearchEntry, note: str = "") -> SearchHit:
    return SearchHit(
        key=entry.key,
        doc_type=entry.doc_type,
        title=entry.title,
        url=entry.url,
        summary=note or entry.summary,
        category=entry.category,
        category_label=entry.category_label,
        meta=str((entry.facets or {}).get("meta", ""))[:120],
    )


def promoted(*, query: str) -> list[SearchHit]:
    """The results the editors pinned to this query, in their order, while a visitor may see them."""
    key = query_key(query)
    if not key:
        return []
    promotions = list(Promotion.objects.filter(query_key=key).select_related("page"))
    keys = [p.target_key() for p in promotions]
    entries = {e.key: e for e in SearchEntry.objects.filter(key__in=keys)}
    return shown(
        [_entry_hit(entries[k], p.note) for p, k in zip(promotions, keys, strict=True) if k in entries]
    )


def best_hits(
    hits: Sequence[SearchHit], promotions: Sequence[SearchHit], count: int = BEST_COUNT
) -> list[SearchHit]:
    """The top of the page: what the editors pinned, then the best matches across every type. Only when
    that adds something: with few results, or all of one type, the list below already is the top."""
    pinned = {h.key for h in promotions}
    if not promotions and (len(hits) <= count or len({h.doc_type for h in hits}) < 2):
        return []
    return list(promotions) + [h for h in hits if h.key not in pinned][:count]


def did_you_mean(*, query: str) -> str:
    """A query made of known words close to the typed ones ('shuldhlup' -> 'schuldhulp'), or ''."""
    return _did_you_mean(query, current_vocabulary())


def fallback(*, query: str, user) -> list[SearchHit]:
    """When nothing is found: the walk-in hours and organisations for the topic, else every walk-in hour."""
    corrected = did_you_mean(query=query)
    if corrected:
        found = search(query=corrected, user=user, types=[DocType.WALK_IN, DocType.ORGANISATION])
        if found.hits:
            return found.hits[:FALLBACK_COUNT]
    entries = SearchEntry.objects.filter(doc_type=DocType.WALK_IN).order_by("title")[:20]
    return shown([_entry_hit(e) for e in entries])[:FALLBACK_COUNT]


def help_when_needed(*, query: str, results: SearchResults | None, user) -> tuple[str, list[SearchHit]]:
    """'Bedoelde u …?' when a word was unknown, and places to go when nothing was found."""
    if results is None:
        return "", []
    suggestion = did_you_mean(query=query) if not results.hits or results.corrections else ""
    places = fallback(query=query, user=user) if not results.hits else []
    return suggestion, places

"""Reads for the search page and the search box."""

from collections import defaultdict
from collections.abc import Sequence

from .backends.registry import call_with_fallback
from .documents import SearchHit, SearchResults, Suggestion
from .models import DocType
from .sources import source_for_label


def visible_keys(keys: Sequence[str]) -> set[str]:
    """The keys whose objects an anonymous visitor may still see (the index may lag behind a clock or an
    update() that sent no signal). One query per kind of object."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        label, _, pk = key.partition(":")
        by_label[label].append(pk)
    visible: set[str] = set()
    for label, pks in by_label.items():
        source = source_for_label(label)
        if source is None:
            continue
        found = source.public_queryset().filter(pk__in=pks).values_list("pk", flat=True)
        visible.update(f"{label}:{pk}" for pk in found)
    return visible


def search(*, query: str, user, types: Sequence[str] = (), category: str = "") -> SearchResults:
    results = call_with_fallback("search", query=query, user=user, types=types, category=category)
    allowed = visible_keys([hit.key for hit in results.hits])
    hidden = [hit for hit in results.hits if hit.key not in allowed]
    for hit in hidden:  # keep the counts in line with what is shown
        results.type_counts[hit.doc_type] = max(results.type_counts.get(hit.doc_type, 1) - 1, 0)
    results.type_counts = {doc_type: n for doc_type, n in results.type_counts.items() if n}
    results.hits = [hit for hit in results.hits if hit.key in allowed]
    results.total = max(results.total - len(hidden), len(results.hits))
    return results


def suggestions(*, query: str, user, limit: int = 8) -> list[Suggestion]:
    found = call_with_fallback("suggest", query=query, user=user)
    allowed = visible_keys([s.key for s in found])
    unique: dict[str, Suggestion] = {}
    for suggestion in found:
        if suggestion.key in allowed and suggestion.url not in unique:
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

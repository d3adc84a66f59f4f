"""The one small interface every search backend implements."""

from collections.abc import Iterable, Sequence
from typing import Protocol

from ..documents import SearchDocument, SearchResults, Suggestion

RESULT_LIMIT = 60
CANDIDATE_LIMIT = 500
SUGGESTION_LIMIT = 8


class BackendUnavailable(Exception):
    """The backend cannot answer now (for example the cluster is down); the caller falls back."""


class SearchBackend(Protocol):
    name: str

    def index(self, document: SearchDocument) -> None: ...

    def remove(self, key: str) -> None: ...

    def search(
        self, *, query: str, user, types: Sequence[str] = (), category: str = "", limit: int = RESULT_LIMIT
    ) -> SearchResults: ...

    def suggest(self, *, query: str, user, limit: int = SUGGESTION_LIMIT) -> list[Suggestion]: ...

    def rebuild(self, documents: Iterable[SearchDocument]) -> int: ...


def facet_counts(rows, *, types: Sequence[str], category: str):
    """Counts per type (ignoring the type filter) and per category (ignoring the category filter).

    `rows` are (doc_type, category, category_label) tuples of every match.
    """
    type_counts: dict[str, int] = {}
    category_counts: dict[str, tuple[str, int]] = {}
    for doc_type, cat, label in rows:
        if not category or cat == category:
            type_counts[doc_type] = type_counts.get(doc_type, 0) + 1
        if cat and (not types or doc_type in types):
            old = category_counts.get(cat, (label, 0))
            category_counts[cat] = (label or old[0], old[1] + 1)
    return type_counts, category_counts

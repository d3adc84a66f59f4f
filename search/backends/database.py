"""The embedded default: search the SearchEntry table.

PostgreSQL: full text with the 'dutch' configuration (synonyms expanded into the tsquery) plus pg_trgm
word similarity for spelling mistakes. Other databases (SQLite): the same synonym groups, and typo
tolerance by edit distance against the vocabulary of the index, scored in Python over a bounded set.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection, transaction
from django.db.models import Count, F, FloatField, Max, Q
from django.db.models.functions import Greatest

from ..documents import SearchDocument, SearchHit, SearchResults, Suggestion
from ..models import SearchEntry
from ..synonyms import expand, phrase_groups, synonym_words
from ..text import allowed_typos, edit_distance, fold, index_terms, query_terms, stem, tokens, trigrams
from .base import CANDIDATE_LIMIT, RESULT_LIMIT, SUGGESTION_LIMIT, facet_counts

TRIGRAM_THRESHOLD = 0.6  # pg_trgm's default word_similarity_threshold
_FIELDS = ("key", "doc_type", "title", "summary", "url", "category", "category_label", "terms")


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _entry_values(document: SearchDocument) -> dict:
    return {
        "doc_type": document.doc_type,
        "object_id": document.object_id,
        "title": document.title[:300],
        "summary": document.summary[:300],
        "text": document.text,
        "url": document.url[:300],
        "category": document.category[:60],
        "category_label": document.category_label[:120],
        "facets": document.facets,
        "title_folded": " ".join(tokens(document.title))[:300],
        "terms": index_terms(document.title, document.summary, document.text, document.category_label),
    }


def _vector():
    return SearchVector("title", weight="A", config="dutch") + SearchVector(
        "summary", "text", "category_label", weight="B", config="dutch"
    )


def _hit(entry, score: float) -> SearchHit:
    return SearchHit(
        key=entry.key,
        doc_type=entry.doc_type,
        title=entry.title,
        url=entry.url,
        summary=entry.summary,
        category=entry.category,
        category_label=entry.category_label,
        score=score,
    )


@dataclass
class _Vocabulary:
    version: tuple
    words: frozenset[str]
    postings: dict[str, set[str]]

    def corrections(self, word: str) -> set[str]:
        """Words of the index within fuzziness AUTO of `word` (found through shared trigrams)."""
        limit = allowed_typos(word)
        if not limit:
            return set()
        shared = Counter()
        for gram in trigrams(word):
            shared.update(self.postings.get(gram, ()))
        candidates = [w for w, _ in shared.most_common(200)]
        return {w for w in candidates if edit_distance(word, w, limit) <= limit}

    def prefixed(self, prefix: str, limit: int = 10) -> set[str]:
        if len(prefix) < 4:
            return set()
        return set(sorted(w for w in self.words if w.startswith(prefix) and w != prefix)[:limit])


_vocabulary: _Vocabulary | None = None


def _current_vocabulary() -> _Vocabulary:
    """The set of indexed words, rebuilt when the table changed (count, last id or last update)."""
    global _vocabulary
    stats = SearchEntry.objects.aggregate(n=Count("id"), last=Max("id"), changed=Max("updated_at"))
    version = (connection.alias, connection.settings_dict.get("NAME"), *stats.values())
    if _vocabulary is None or _vocabulary.version != version:
        words: set[str] = set()
        for terms in SearchEntry.objects.values_list("terms", flat=True).iterator(chunk_size=2000):
            words.update(terms.split())
        postings: dict[str, set[str]] = {}
        for word in words:
            for gram in trigrams(word):
                postings.setdefault(gram, set()).add(word)
        _vocabulary = _Vocabulary(version=version, words=frozenset(words), postings=postings)
    return _vocabulary


class DatabaseBackend:
    name = "database"

    def index(self, document: SearchDocument) -> None:
        with transaction.atomic():
            SearchEntry.objects.update_or_create(key=document.key, defaults=_entry_values(document))
            if _is_postgres():
                SearchEntry.objects.filter(key=document.key).update(search_vector=_vector())

    def remove(self, key: str) -> None:
        SearchEntry.objects.filter(key=key).delete()

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            batch, count = [], 0
            for document in documents:
                batch.append(SearchEntry(key=document.key, **_entry_values(document)))
                if len(batch) >= 500:
                    SearchEntry.objects.bulk_create(batch)
                    count += len(batch)
                    batch = []
            SearchEntry.objects.bulk_create(batch)
            count += len(batch)
            if _is_postgres():
                SearchEntry.objects.update(search_vector=_vector())
        return count

    # Reading ---------------------------------------------------------------------------------------

    def search(
        self, *, query: str, user, types: Sequence[str] = (), category: str = "", limit: int = RESULT_LIMIT
    ) -> SearchResults:
        terms = query_terms(query)
        if not terms:
            return SearchResults(hits=[], type_counts={}, category_counts={}, backend=self.name)
        scored = self._postgres_matches(terms) if _is_postgres() else self._python_matches(terms, query)
        type_counts, category_counts = facet_counts(
            [(e.doc_type, e.category, e.category_label) for e, _ in scored], types=types, category=category
        )
        chosen = [
            (entry, score)
            for entry, score in scored
            if (not types or entry.doc_type in types) and (not category or entry.category == category)
        ]
        chosen.sort(key=lambda pair: (-pair[1], pair[0].title))
        return SearchResults(
            hits=[_hit(entry, score) for entry, score in chosen[:limit]],
            type_counts=type_counts,
            category_counts=category_counts,
            backend=self.name,
            total=len(chosen),
        )

    def _postgres_matches(self, terms: list[str]):
        variants = sorted({w for term in terms for w in synonym_words(term)})
        tsquery = reduce(or_, (SearchQuery(w, config="dutch", search_type="plain") for w in variants))
        typo = reduce(or_, (Q(terms__trigram_word_similar=term) for term in terms if len(term) >= 4), Q())
        similarity = Greatest(
            *[TrigramWordSimilarity(term, "terms") for term in terms], 0.0, output_field=FloatField()
        )
        rows = (
            SearchEntry.objects.filter(Q(search_vector=tsquery) | typo)
            .annotate(score=SearchRank(F("search_vector"), tsquery) + similarity * 0.3)
            .only(*_FIELDS)
            .order_by("-score")[:CANDIDATE_LIMIT]
        )
        return [(row, float(row.score)) for row in rows]

    def _python_matches(self, terms: list[str], query: str):
        vocabulary = _current_vocabulary()
        wanted: list[dict[str, float]] = []  # per query term: stemmed word -> weight
        for position, term in enumerate(terms):
            stemmed = stem(term)
            weights = dict.fromkeys(expand(stemmed), 0.8)
            weights[stemmed] = 1.0
            if not any(w in vocabulary.words for w in weights):
                for word in vocabulary.corrections(stemmed) | vocabulary.corrections(term):
                    weights.setdefault(word, 0.6)
                    for synonym in expand(word):
                        weights.setdefault(synonym, 0.5)
            if position == len(terms) - 1:
                for word in vocabulary.prefixed(term):
                    weights.setdefault(word, 0.5)
            wanted.append({w: s for w, s in weights.items() if w in vocabulary.words})
        for word in phrase_groups(fold(query)):
            if word in vocabulary.words:
                wanted.append({word: 0.8})
        words = {w for weights in wanted for w in weights}
        if not words:
            return []
        condition = reduce(or_, (Q(terms__contains=w) for w in sorted(words)))
        scored = []
        for entry in SearchEntry.objects.filter(condition).only(*_FIELDS)[: CANDIDATE_LIMIT * 4]:
            entry_words = set(entry.terms.split())
            title_words = set(index_terms(entry.title).split())
            score = 0.0
            for weights in wanted:
                best = max(
                    (s * (3 if w in title_words else 1) for w, s in weights.items() if w in entry_words),
                    default=0.0,
                )
                score += best
            if score:
                scored.append((entry, score))
        scored.sort(key=lambda pair: -pair[1])
        return scored[:CANDIDATE_LIMIT]

    def suggest(self, *, query: str, user, limit: int = SUGGESTION_LIMIT) -> list[Suggestion]:
        prefix = " ".join(tokens(query[:100]))
        if len(prefix) < 2:
            return []
        rows = (
            SearchEntry.objects.filter(
                Q(title_folded__startswith=prefix) | Q(title_folded__contains=f" {prefix}")
            )
            .only("key", "title", "url", "title_folded")
            .order_by("title")[: limit * 3]
        )
        ranked = sorted(rows, key=lambda e: (not e.title_folded.startswith(prefix), len(e.title)))
        return [Suggestion(text=e.title, url=e.url, key=e.key) for e in ranked][: limit * 2]

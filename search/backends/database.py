"""The embedded default: search the SearchEntry table.

Both databases share the steps: the query's words, their synonym groups, and for a word the index
does not know, the nearest known words (fuzziness AUTO) from the SearchWord vocabulary.
PostgreSQL: full text with the 'dutch' configuration; the nearest words come from pg_trgm similarity
on a trigram index. Other databases (SQLite): stemmed words matched and scored in Python over a
bounded candidate set; the nearest words by edit distance through a trigram table kept in memory.
"""

from collections import Counter, namedtuple
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramSimilarity
from django.db import connection, transaction
from django.db.models import Count, F, Max, Min, Q

from core.text import allowed_typos, edit_distance, fold, index_terms, query_terms, stem, tokens, trigrams

from ..documents import SearchDocument, SearchHit, SearchResults, Suggestion
from ..models import SearchEntry, SearchWord
from ..synonyms import expand, phrase_groups, synonym_words
from .base import CANDIDATE_LIMIT, RESULT_LIMIT, SUGGESTION_LIMIT, facet_counts

_FIELDS = (
    "key",
    "doc_type",
    "title",
    "summary",
    "url",
    "category",
    "category_label",
    "terms",
    "title_folded",
    "facets",
)
_Row = namedtuple("_Row", _FIELDS)
MAX_CORRECTIONS = 5


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


def _words(document: SearchDocument) -> set[str]:
    text = " ".join((document.title, document.summary, document.text, document.category_label))
    return {w for w in tokens(text) if 3 <= len(w) <= 60 and not w.isdigit()}


def _add_words(words: Iterable[str]) -> None:
    SearchWord.objects.bulk_create([SearchWord(word=w) for w in sorted(words)], ignore_conflicts=True)


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
        meta=str((entry.facets or {}).get("meta", ""))[:120],
        score=score,
    )


def _within_typos(word: str, candidates: Iterable[str]) -> list[str]:
    limit = allowed_typos(word)
    return [c for c in candidates if limit and edit_distance(word, c, limit) <= limit]


@dataclass
class _Vocabulary:
    """The SearchWord list in memory, for databases without trigram indexes."""

    version: tuple
    words: frozenset[str]
    stems: frozenset[str]
    postings: dict[str, set[str]]
    cached: dict[str, list[str]] = field(default_factory=dict)

    def corrections(self, word: str) -> list[str]:
        if word not in self.cached:
            if len(self.cached) > 2000:
                self.cached.clear()
            self.cached[word] = self._corrections(word)
        return self.cached[word]

    def _corrections(self, word: str) -> list[str]:
        shared = Counter()
        for gram in trigrams(word):
            shared.update(self.postings.get(gram, ()))
        return _within_typos(word, [w for w, _ in shared.most_common(200)])[:MAX_CORRECTIONS]


_vocabulary: _Vocabulary | None = None


def _current_vocabulary() -> _Vocabulary:
    """The vocabulary, loaded again whenever the SearchWord table changed."""
    global _vocabulary
    stats = SearchWord.objects.aggregate(n=Count("id"), first=Min("id"), last=Max("id"))
    version = (connection.alias, connection.settings_dict.get("NAME"), *stats.values())
    if _vocabulary is None or _vocabulary.version != version:
        words = frozenset(SearchWord.objects.values_list("word", flat=True))
        postings: dict[str, set[str]] = {}
        for word in words:
            for gram in trigrams(word):
                postings.setdefault(gram, set()).add(word)
        stems = frozenset(stem(w) for w in words)
        _vocabulary = _Vocabulary(version=version, words=words, stems=stems, postings=postings)
    return _vocabulary


class DatabaseBackend:
    name = "database"

    def index(self, document: SearchDocument) -> None:
        with transaction.atomic():
            SearchEntry.objects.update_or_create(key=document.key, defaults=_entry_values(document))
            _add_words(_words(document))
            if _is_postgres():
                SearchEntry.objects.filter(key=document.key).update(search_vector=_vector())

    def remove(self, key: str) -> None:
        SearchEntry.objects.filter(key=key).delete()

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            SearchWord.objects.all().delete()
            batch, words, count = [], set(), 0
            for document in documents:
                batch.append(SearchEntry(key=document.key, **_entry_values(document)))
                words |= _words(document)
                if len(batch) >= 500:
                    SearchEntry.objects.bulk_create(batch)
                    count += len(batch)
                    batch = []
            SearchEntry.objects.bulk_create(batch)
            count += len(batch)
            _add_words(words)
            if _is_postgres():
                SearchEntry.objects.update(search_vector=_vector())
        if _is_postgres():
            with connection.cursor() as cursor:  # fresh statistics, so the planner uses the GIN indexes
                cursor.execute("ANALYZE search_searchentry, search_searchword")
        return count

    # Reading ---------------------------------------------------------------------------------------

    def search(
        self, *, query: str, user, types: Sequence[str] = (), category: str = "", limit: int = RESULT_LIMIT
    ) -> SearchResults:
        terms = query_terms(query)
        if not terms:
            return SearchResults(hits=[], type_counts={}, category_counts={}, backend=self.name)
        matcher = self._postgres_matches if _is_postgres() else self._python_matches
        scored = matcher(terms, query)
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

    def _postgres_matches(self, terms: list[str], query: str):
        variants: set[str] = set()
        known = set(SearchWord.objects.filter(word__in=terms).values_list("word", flat=True))
        for term in terms:
            variants |= synonym_words(term)
            if term not in known and allowed_typos(term):
                for word in self._nearest_words(term):
                    variants |= synonym_words(word)
        tsquery = reduce(or_, (SearchQuery(w, config="dutch", search_type="plain") for w in sorted(variants)))
        rows = (
            SearchEntry.objects.filter(search_vector=tsquery)
            .annotate(score=SearchRank(F("search_vector"), tsquery))
            .order_by("-score", "title")
            .values_list(*_FIELDS, "score")[:CANDIDATE_LIMIT]
        )
        return [(_Row(*row[:-1]), float(row[-1])) for row in rows]

    def _nearest_words(self, term: str) -> list[str]:
        """Known words like a misspelt one: pg_trgm similarity on the vocabulary's trigram index."""
        candidates = (
            SearchWord.objects.filter(word__trigram_similar=term)
            .annotate(similarity=TrigramSimilarity("word", term))
            .order_by("-similarity")
            .values_list("word", flat=True)[:50]
        )
        return _within_typos(term, candidates)[:MAX_CORRECTIONS]

    def _python_matches(self, terms: list[str], query: str):
        vocabulary = _current_vocabulary()
        wanted: list[dict[str, float]] = []  # per query term: stemmed word -> weight
        for term in terms:
            stemmed = stem(term)
            weights = dict.fromkeys(expand(stemmed), 0.8)
            weights[stemmed] = 1.0
            if term not in vocabulary.words and stemmed not in vocabulary.stems:
                for word in vocabulary.corrections(term):
                    weights.setdefault(stem(word), 0.6)
                    for synonym in expand(stem(word)):
                        weights.setdefault(synonym, 0.5)
            wanted.append({w: s for w, s in weights.items() if w in vocabulary.stems})
        for word in phrase_groups(fold(query)):
            if word in vocabulary.stems:
                wanted.append({word: 0.8})
        words = {w for weights in wanted for w in weights}
        if not words:
            return []
        condition = reduce(or_, (Q(terms__contains=w) for w in sorted(words)))
        scored = []
        rows = SearchEntry.objects.filter(condition).values_list(*_FIELDS)[: CANDIDATE_LIMIT * 4]
        for entry in map(_Row._make, rows):
            entry_words = set(entry.terms.split())
            title_words = {stem(w) for w in entry.title_folded.split()}
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

"""The embedded default: search the SearchEntry table.

Both databases read the query the same way (search/analysis.py: words, compounds, synonyms, typos
from the SearchWord vocabulary), find candidates the same way (an in-memory index of the stored
Snowball stems, loaded again when the table changes) and score them the same way, so SQLite and
PostgreSQL give the same order. On PostgreSQL every entry also carries a tsvector built with the
`dutch` configuration from the same pre-analysed words (GIN index); `postgres_matches` answers a plan
with it, and the tests check that it finds what the in-memory index finds.
"""

from collections import namedtuple
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, Q, Value
from django.urls import reverse
from django.utils.http import urlencode

from core.text import analyse, tokens

from ..analysis import QueryPlan, Vocabulary, plan, score
from ..documents import SearchDocument, SearchHit, SearchResults, Suggestion
from ..models import SearchEntry, SearchWord
from .base import CANDIDATE_LIMIT, RESULT_LIMIT, SUGGESTION_LIMIT, facet_counts

# Scoring reads only these; what a hit shows is read afterwards for the hits shown.
_FIELDS = (
    "key",
    "doc_type",
    "title",
    "category",
    "category_label",
    "title_folded",
    "title_terms",
    "terms",
    "part_terms",
)
_Row = namedtuple("_Row", _FIELDS)
_SHOWN = ("key", "summary", "url", "facets")


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


class _Analysed:
    """A document read by core.text: title and body apart, whole words and compound parts apart."""

    def __init__(self, document: SearchDocument):
        self.title = analyse(document.title)
        self.body = analyse(document.title, document.summary, document.text, document.category_label)


def _entry_values(document: SearchDocument, analysed: _Analysed) -> dict:
    parts = dict.fromkeys(analysed.title.part_stems + analysed.body.part_stems)
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
        "title_terms": " ".join(analysed.title.stems + analysed.title.part_stems),
        "terms": " ".join(analysed.body.stems),
        "part_terms": " ".join(p for p in parts if p not in analysed.body.stems),
    }


def _vector(analysed: _Analysed):
    """PostgreSQL's dutch stemmer over the pre-analysed words: title A, other words B, compound parts C."""
    title = " ".join(analysed.title.words)
    body = " ".join(analysed.body.words)
    parts = " ".join(analysed.title.part_words + analysed.body.part_words)
    return (
        SearchVector(Value(title), weight="A", config="dutch")
        + SearchVector(Value(body), weight="B", config="dutch")
        + SearchVector(Value(parts), weight="C", config="dutch")
    )


def _words(document: SearchDocument) -> set[str]:
    text = " ".join((document.title, document.summary, document.text, document.category_label))
    return {w for w in tokens(text) if 3 <= len(w) <= 60 and not w.isdigit()}


def _add_words(words: Iterable[str]) -> None:
    SearchWord.objects.bulk_create([SearchWord(word=w) for w in sorted(words)], ignore_conflicts=True)


def _hits(chosen: list[tuple["_Row", float]]) -> list[SearchHit]:
    shown = {
        row[0]: row
        for row in SearchEntry.objects.filter(key__in=[e.key for e, _ in chosen]).values_list(*_SHOWN)
    }
    hits = []
    for entry, value in chosen:
        if entry.key not in shown:
            continue  # removed a moment ago
        _key, summary, url, facets = shown[entry.key]
        hits.append(
            SearchHit(
                key=entry.key,
                doc_type=entry.doc_type,
                title=entry.title,
                url=url,
                summary=summary,
                category=entry.category,
                category_label=entry.category_label,
                meta=str((facets or {}).get("meta", ""))[:120],
                score=value,
            )
        )
    return hits


_vocabulary: tuple[tuple, Vocabulary] | None = None


_writes = 0  # writes by this process: a rolled-back transaction can give the same ids twice


def _wrote() -> None:
    global _writes
    _writes += 1


def _table_versions() -> dict[str, tuple]:
    """Cheap numbers that change whenever a table changes, read in one query.

    Words are only added or all cleared, so their id range is enough. An entry is written again under a
    new id (DatabaseBackend.index), so the last id changes with every write; SQLite also counts (cheap
    there) to notice a removal at once.
    """
    where = (connection.alias, connection.settings_dict.get("NAME"), _writes)
    with connection.cursor() as cursor:
        if _is_postgres():  # counting rows is not cheap here; a removed entry is dropped by _hits()
            cursor.execute(
                "SELECT (SELECT MAX(id) FROM search_searchentry),"
                " (SELECT MIN(id) FROM search_searchword), (SELECT MAX(id) FROM search_searchword)"
            )
            entries_last, words_first, words_last = cursor.fetchone()
            entries_n = None
        else:
            cursor.execute(
                "SELECT (SELECT COUNT(*) FROM search_searchentry), (SELECT MAX(id) FROM search_searchentry),"
                " (SELECT MIN(id) FROM search_searchword), (SELECT MAX(id) FROM search_searchword)"
            )
            entries_n, entries_last, words_first, words_last = cursor.fetchone()
    return {"entries": (*where, entries_n, entries_last), "words": (*where, words_first, words_last)}


def current_vocabulary() -> Vocabulary:
    """The SearchWord list in memory (the same on every database), loaded again when the table changed."""
    global _vocabulary
    version = _table_versions()["words"]
    if _vocabulary is None or _vocabulary[0] != version:
        _vocabulary = (version, Vocabulary.build(SearchWord.objects.values_list("word", flat=True)))
    return _vocabulary[1]


@dataclass
class _Candidate:
    """A row as scoring reads it, its words already split."""

    entry: "_Row"
    title_tokens: list[str]
    title_terms: frozenset[str]
    terms: frozenset[str]
    part_terms: frozenset[str]

    @classmethod
    def of(cls, row) -> "_Candidate":
        entry = _Row(*row)
        return cls(
            entry=entry,
            title_tokens=entry.title_folded.split(),
            title_terms=frozenset(entry.title_terms.split()),
            terms=frozenset(entry.terms.split()),
            part_terms=frozenset(entry.part_terms.split()),
        )


@dataclass
class _MemoryIndex:
    """Every entry's stems in memory, with postings from stem to entries.

    Loaded again whenever the table changed (_table_versions), so every process sees what another one
    wrote. It holds the stems and titles, never more than the SearchEntry table itself. A common word
    (one entry in three) costs a few dictionary lookups here, where a database checks it row by row.
    """

    version: tuple
    candidates: dict[int, _Candidate]
    title_postings: dict[str, list[int]]
    postings: dict[str, list[int]]

    @classmethod
    def build(cls, version: tuple) -> "_MemoryIndex":
        candidates, title_postings, postings = {}, {}, {}
        for pk, *row in (
            SearchEntry.objects.order_by("id").values_list("id", *_FIELDS).iterator(chunk_size=2000)
        ):
            candidate = candidates[pk] = _Candidate.of(row)
            for stem in candidate.title_terms:
                title_postings.setdefault(stem, []).append(pk)
            for stem in candidate.terms | candidate.part_terms:
                postings.setdefault(stem, []).append(pk)
        return cls(version=version, candidates=candidates, title_postings=title_postings, postings=postings)

    def find(self, stems, limit: int) -> list[_Candidate]:
        """Entries with a query stem, those with one in the title first, at most `limit`."""
        in_title = sorted({pk for s in stems for pk in self.title_postings.get(s, ())})
        chosen = in_title[:limit]
        if len(chosen) < limit:
            seen = set(chosen)
            rest = sorted({pk for s in stems for pk in self.postings.get(s, ())} - seen)
            chosen += rest[: limit - len(chosen)]
        return [self.candidates[pk] for pk in chosen]


_memory_index: _MemoryIndex | None = None


def _current_memory_index() -> _MemoryIndex:
    global _memory_index
    version = _table_versions()["entries"]
    if _memory_index is None or _memory_index.version != version:
        _memory_index = _MemoryIndex.build(version)
    return _memory_index


def _tsquery(query_plan: QueryPlan, weight: str = ""):
    """Any alternative of any group: (w1) | (w2 & w3) | ..., stemmed by PostgreSQL's dutch configuration.

    With a weight ("A"), only words in the title match.
    """
    suffix = f":{weight}" if weight else ""
    alternatives = sorted(
        {
            " & ".join(w + suffix for w in a.words)
            for g in query_plan.groups
            for a in g.alternatives
            if a.words
        }
    )
    return SearchQuery(" | ".join(f"({a})" for a in alternatives), config="dutch", search_type="raw")


class DatabaseBackend:
    name = "database"

    def index(self, document: SearchDocument) -> None:
        analysed = _Analysed(document)
        with transaction.atomic():
            # Written again under a new id, so that every process notices the change (_table_versions).
            _wrote()
            SearchEntry.objects.filter(key=document.key).delete()
            SearchEntry.objects.create(key=document.key, **_entry_values(document, analysed))
            _add_words(_words(document))
            if _is_postgres():
                SearchEntry.objects.filter(key=document.key).update(search_vector=_vector(analysed))

    def remove(self, key: str) -> None:
        _wrote()
        SearchEntry.objects.filter(key=key).delete()

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        postgres = _is_postgres()
        _wrote()
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            SearchWord.objects.all().delete()
            batch, vectors, words, count = [], [], set(), 0

            def flush():
                if postgres:  # the tsvector is computed in the INSERT itself: no second write per row
                    for entry, (_key, vector) in zip(batch, vectors, strict=True):
                        entry.search_vector = vector
                SearchEntry.objects.bulk_create(batch)

            for document in documents:
                analysed = _Analysed(document)
                batch.append(SearchEntry(key=document.key, **_entry_values(document, analysed)))
                if postgres:
                    vectors.append((document.key, _vector(analysed)))
                words |= _words(document)
                if len(batch) >= 500:
                    flush()
                    count += len(batch)
                    batch, vectors = [], []
            flush()
            count += len(batch)
            _add_words(words)
        if postgres:
            with connection.cursor() as cursor:
                # Merge the GIN pending list now (else every query scans it), and fresh statistics, so
                # that the planner uses the GIN indexes.
                cursor.execute("SELECT gin_clean_pending_list('search_entry_vector_gin')")
                cursor.execute("ANALYZE search_searchentry, search_searchword")
        return count

    # Reading ---------------------------------------------------------------------------------------

    def search(
        self, *, query: str, user, types: Sequence[str] = (), category: str = "", limit: int = RESULT_LIMIT
    ) -> SearchResults:
        query_plan = plan(query, current_vocabulary())
        if not query_plan.groups:
            return SearchResults(hits=[], type_counts={}, category_counts={}, backend=self.name)
        scored = self.scored(query_plan)
        type_counts, category_counts = facet_counts(
            [(e.doc_type, e.category, e.category_label) for e, _ in scored], types=types, category=category
        )
        chosen = [
            (entry, value)
            for entry, value in scored
            if (not types or entry.doc_type in types) and (not category or entry.category == category)
        ]
        return SearchResults(
            hits=_hits(chosen[:limit]),
            type_counts=type_counts,
            category_counts=category_counts,
            backend=self.name,
            total=len(chosen),
            corrections=query_plan.corrections,
        )

    def scored(self, query_plan: QueryPlan) -> list[tuple[_Row, float]]:
        """Candidates from the database, scored and ordered the same way on every database."""
        candidates = _current_memory_index().find(query_plan.all_stems, CANDIDATE_LIMIT)
        scored = []
        for candidate in candidates:
            value = score(
                query_plan,
                title_tokens=candidate.title_tokens,
                doc_type=candidate.entry.doc_type,
                title_terms=candidate.title_terms,
                terms=candidate.terms,
                part_terms=candidate.part_terms,
            )
            if value:
                scored.append((candidate.entry, value))
        scored.sort(key=lambda pair: (-pair[1], pair[0].title, pair[0].key))
        return scored

    def postgres_matches(self, query_plan: QueryPlan) -> list[_Candidate]:
        """PostgreSQL's own answer to the plan: its dutch configuration over the pre-analysed words.

        Searching reads the in-memory index (the same on every database, and fast for common words,
        which PostgreSQL must check row by row); this finds the same entries, which the tests check.
        """
        """As on SQLite: entries with a query word in the title first, then the others, by id."""
        if not query_plan.all_stems:
            return []
        # One query: the GIN index's matches, those with a query word in the title first, then by id
        # ("id + 0", so that the planner sorts the matches rather than walk the primary key).
        in_title = ExpressionWrapper(Q(search_vector=_tsquery(query_plan, "A")), output_field=BooleanField())
        rows = (
            SearchEntry.objects.filter(search_vector=_tsquery(query_plan))
            .annotate(in_title=in_title)
            .order_by(F("in_title").desc(), (F("id") + 0).asc())
            .values_list(*_FIELDS)[:CANDIDATE_LIMIT]
        )
        return [_Candidate.of(row) for row in rows]

    def suggest(self, *, query: str, user, limit: int = SUGGESTION_LIMIT) -> list[Suggestion]:
        prefix = " ".join(tokens(query[:100]))
        if len(prefix) < 2:
            return []
        found = self._titles_starting(prefix, limit)
        if len(found) >= limit or " " in prefix:
            return found[: limit * 2]
        # Forgive a typo as the results do: complete to known words near the prefix ("shuld" -> schuldhulp).
        words = [w for w in current_vocabulary().completions(prefix) if not w.startswith(prefix)]
        for word in words[:3]:
            found.append(Suggestion(text=word, url=f"{reverse('search:search')}?{urlencode({'q': word})}"))
            found.extend(self._titles_starting(word, limit))
        return found[: limit * 2]

    def _titles_starting(self, prefix: str, limit: int) -> list[Suggestion]:
        rows = (
            SearchEntry.objects.filter(
                Q(title_folded__startswith=prefix) | Q(title_folded__contains=f" {prefix}")
            )
            .only("key", "title", "url", "title_folded")
            .order_by("title")[: limit * 3]
        )
        ranked = sorted(rows, key=lambda e: (not e.title_folded.startswith(prefix), len(e.title), e.title))
        return [Suggestion(text=e.title, url=e.url, key=e.key) for e in ranked]

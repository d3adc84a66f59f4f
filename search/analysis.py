"""How a query is read, the same for every backend: its words, their compounds, synonyms and typos.

A query becomes a QueryPlan: one group per word the resident typed (and one per synonym phrase such as
"rekeningen niet betalen"), each with alternatives that may match (the word itself, its compound
parts together, its synonyms, the nearest known words for a typo), each with a weight. The database
backend scores candidates with `score()` on SQLite and on PostgreSQL alike; Elasticsearch turns the same
plan into its query body.
"""

from collections import Counter
from dataclasses import dataclass, field

from core.text import (
    STOPWORDS,
    allowed_typos,
    analyse,
    compound_parts,
    edit_distance,
    normalise,
    query_terms,
    stem,
    tokens,
    trigrams,
)

from .synonyms import entry_words, groups_for_phrases, groups_for_stem

WHOLE_WEIGHT = 1.0
PARTS_WEIGHT = 0.9
SYNONYM_WEIGHT = 0.8
PHRASE_WEIGHT = 1.2
CORRECTION_WEIGHT = 0.7
CORRECTION_SYNONYM_WEIGHT = 0.55
TITLE_FACTOR = 3.0
PART_FACTOR = 0.6
ALL_WORDS_BONUS = 1.0
NAME_EXACT_BONUS = 20.0
NAME_START_BONUS = 10.0
NAME_CONTAINS_BONUS = 6.0
ORGANISATION_NAME_EXTRA = 5.0
MAX_CORRECTIONS = 3


@dataclass(frozen=True)
class Alternative:
    words: tuple[str, ...]  # normalised words, all required (for a stemmer elsewhere)
    stems: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class TermGroup:
    term: str
    alternatives: tuple[Alternative, ...]


@dataclass
class QueryPlan:
    terms: list[str]  # the folded words typed, without stop words
    groups: list[TermGroup]
    name: str  # the query's words joined without spaces, to recognise a name ("brabant zorg")
    name_tokens: tuple[str, ...]
    corrections: dict[str, str] = field(default_factory=dict)  # unknown word -> nearest known word

    def __post_init__(self):
        self.all_stems = tuple(sorted({s for g in self.groups for a in g.alternatives for s in a.stems}))

    def stems(self) -> set[str]:
        return set(self.all_stems)


@dataclass
class Vocabulary:
    """Every word in the index (folded, unstemmed), its stems, and trigram postings for typos."""

    words: frozenset[str]
    stems: frozenset[str]
    postings: dict[str, set[str]]
    cached: dict[tuple[str, int], list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, words) -> "Vocabulary":
        words = frozenset(words)
        postings: dict[str, set[str]] = {}
        for word in words:
            for gram in trigrams(word):
                postings.setdefault(gram, set()).add(word)
        stems = {stem(w) for w in words}
        for word in words:
            stems.update(stem(p) for p in compound_parts(word))
        return cls(words=words, stems=frozenset(stems), postings=postings)

    def knows(self, word: str) -> bool:
        if word in self.words or stem(word) in self.stems:
            return True
        parts = compound_parts(word)
        return bool(parts) and all(stem(p) in self.stems for p in parts)

    def corrections(self, word: str, extra: int = 0) -> list[str]:
        """Known words within Elasticsearch's AUTO fuzziness (plus `extra` edits), nearest first."""
        key = (word, extra)
        if key not in self.cached:
            if len(self.cached) > 5000:
                self.cached.clear()
            self.cached[key] = self._corrections(word, extra)
        return self.cached[key]

    def _corrections(self, word: str, extra: int) -> list[str]:
        limit = allowed_typos(word)
        if not limit:
            return []
        limit = min(limit + extra, 2)
        shared = Counter()
        for gram in trigrams(word):
            shared.update(self.postings.get(gram, ()))
        candidates = [w for w, _ in shared.most_common(300)]
        scored = []
        for candidate in candidates:
            distance = edit_distance(word, candidate, limit)
            if distance <= limit:
                scored.append((distance, -shared[candidate], abs(len(candidate) - len(word)), candidate))
        scored.sort()
        return [c for *_, c in scored[:MAX_CORRECTIONS]]

    def completions(self, prefix: str, limit: int = 5) -> list[str]:
        """Known words that start with the prefix, or with a prefix one typo away ('shuld' -> schuldhulp)."""
        exact = sorted((w for w in self.words if w.startswith(prefix)), key=lambda w: (len(w), w))
        if exact or len(prefix) < 4:
            return exact[:limit]
        shared = Counter()
        for gram in trigrams(prefix):
            if not gram.endswith(" "):
                shared.update(self.postings.get(gram, ()))
        found = []
        for word, _ in shared.most_common(400):
            for size in (len(prefix) - 1, len(prefix), len(prefix) + 1):
                if size <= len(word) and edit_distance(prefix, word[:size], 1) <= 1:
                    found.append(word)
                    break
        return sorted(found, key=lambda w: (len(w), w))[:limit]


def _alternative(text: str, weight: float) -> Alternative | None:
    analysis = analyse(text)
    if not analysis.stems:
        return None
    return Alternative(words=analysis.words, stems=analysis.stems, weight=weight)


def _synonym_alternatives(word_stem: str, weight: float) -> list[Alternative]:
    found = []
    for group in groups_for_stem(word_stem):
        for entry in group:
            alternative = _alternative(entry, weight)
            if alternative and alternative.stems != (word_stem,):
                found.append(alternative)
    return found


def _add(alternatives: dict, alternative: Alternative | None) -> None:
    """Keep the highest weight for the same set of stems."""
    if alternative is None:
        return
    key = frozenset(alternative.stems)
    if key not in alternatives or alternatives[key].weight < alternative.weight:
        alternatives[key] = alternative


def plan(query: str, vocabulary: Vocabulary | None = None) -> QueryPlan:
    terms = query_terms(query)
    groups: list[TermGroup] = []
    corrections: dict[str, str] = {}
    for term in terms:
        alternatives: dict[frozenset, Alternative] = {}
        term_stem = stem(term)
        _add(alternatives, Alternative(words=(normalise(term),), stems=(term_stem,), weight=WHOLE_WEIGHT))
        parts = compound_parts(term)
        if parts:
            _add(
                alternatives,
                Alternative(
                    words=tuple(normalise(p) for p in parts),
                    stems=tuple(dict.fromkeys(stem(p) for p in parts)),
                    weight=PARTS_WEIGHT,
                ),
            )
        for alternative in _synonym_alternatives(term_stem, SYNONYM_WEIGHT):
            _add(alternatives, alternative)
        if vocabulary is not None and not vocabulary.knows(term):
            found = vocabulary.corrections(term)
            if found:
                corrections[term] = found[0]
            for word in found:
                word_stem = stem(word)
                _add(
                    alternatives,
                    Alternative(words=(normalise(word),), stems=(word_stem,), weight=CORRECTION_WEIGHT),
                )
                for alternative in _synonym_alternatives(word_stem, CORRECTION_SYNONYM_WEIGHT):
                    _add(alternatives, alternative)
        groups.append(TermGroup(term=term, alternatives=tuple(alternatives.values())))
    query_stems = tuple(stem(t) for t in terms)
    for phrase_stems, group in groups_for_phrases(query_stems):
        alternatives = {}
        for entry in group:
            words = entry_words(entry)
            if words:
                _add(alternatives, Alternative(words=words, stems=analyse(entry).stems, weight=PHRASE_WEIGHT))
        groups.append(TermGroup(term=" ".join(phrase_stems), alternatives=tuple(alternatives.values())))
    name_tokens = tuple(tokens(query[:200]))
    return QueryPlan(
        terms=terms,
        groups=groups,
        name="".join(name_tokens),
        name_tokens=name_tokens,
        corrections=corrections,
    )


def score(
    query_plan: QueryPlan, *, title_tokens: list[str], doc_type: str, title_terms, terms, part_terms
) -> float:
    """The same score on every database: words in the title count three times, compound parts less.

    Per query word the best alternative counts; an alternative of several words counts as its weakest.
    """
    levels = {}
    for s in query_plan.all_stems:
        if s in title_terms:
            levels[s] = TITLE_FACTOR
        elif s in terms:
            levels[s] = 1.0
        elif s in part_terms:
            levels[s] = PART_FACTOR
    if not levels:
        return 0.0
    total = 0.0
    matched = 0
    for group in query_plan.groups:
        best = 0.0
        for alternative in group.alternatives:
            if len(alternative.stems) == 1:
                value = alternative.weight * levels.get(alternative.stems[0], 0.0)
            else:
                value = alternative.weight * min(levels.get(s, 0.0) for s in alternative.stems)
            if value > best:
                best = value
        if best:
            matched += 1
            total += best
    if not total:
        return 0.0
    if matched == len(query_plan.groups) and matched > 1:
        total += ALL_WORDS_BONUS
    return total + name_bonus(query_plan, title_tokens, doc_type)


def name_bonus(query_plan: QueryPlan, title_tokens: list[str], doc_type: str) -> float:
    """A title that is the query ('ggd' for 'GGD Hart voor Brabant', 'brabant zorg' for BrabantZorg)."""
    if not query_plan.name or len(query_plan.name) < 3 or not title_tokens:
        return 0.0
    extra = ORGANISATION_NAME_EXTRA if doc_type == "organisation" else 0.0
    if "".join(title_tokens) == query_plan.name:
        return NAME_EXACT_BONUS + extra
    size = len(query_plan.name_tokens)
    if tuple(title_tokens[:size]) == query_plan.name_tokens or title_tokens[0] == query_plan.name:
        return NAME_START_BONUS + extra
    if doc_type == "organisation" and all(t in title_tokens for t in query_plan.name_tokens):
        return NAME_CONTAINS_BONUS + extra
    return 0.0


def did_you_mean(query: str, vocabulary: Vocabulary) -> str:
    """The query with each unknown word replaced by the nearest known word; '' when nothing changes."""
    changed = False
    words = []
    for word in tokens(query[:200]):
        if len(word) >= 3 and word not in STOPWORDS and not word.isdigit() and not vocabulary.knows(word):
            found = vocabulary.corrections(word, extra=1)
            if found:
                words.append(found[0])
                changed = True
                continue
        words.append(word)
    return " ".join(words) if changed else ""

"""The synonym groups of search/synonyms/nl.txt, for Elasticsearch and for the database backend."""

from functools import cache
from pathlib import Path

from core.text import fold, stem

SYNONYM_FILE = Path(__file__).resolve().parent / "synonyms" / "nl.txt"


@cache
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    groups = []
    for line in SYNONYM_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = tuple(dict.fromkeys(fold(w).strip() for w in line.split(",") if w.strip()))
        if len(words) > 1:
            groups.append(words)
    return tuple(groups)


def elasticsearch_rules() -> list[str]:
    """The groups as Solr-format lines for a synonym_graph filter."""
    return [", ".join(group) for group in synonym_groups()]


@cache
def _by_stem() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for group in synonym_groups():
        single = {stem(w) for w in group if " " not in w}
        for word in group:
            if " " not in word:
                table.setdefault(stem(word), set()).update(single)
    return {key: frozenset(value) for key, value in table.items()}


@cache
def _words_by_stem() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for group in synonym_groups():
        single = {w for w in group if " " not in w}
        for word in single:
            table.setdefault(stem(word), set()).update(single)
    return {key: frozenset(value) for key, value in table.items()}


def synonym_words(word: str) -> frozenset[str]:
    """The folded, unstemmed words of every group the word belongs to (for PostgreSQL's own stemmer)."""
    return _words_by_stem().get(stem(word), frozenset()) | {word}


def expand(stemmed_word: str) -> frozenset[str]:
    """The word with every (stemmed) synonym of its groups; the word alone when it has none."""
    return _by_stem().get(stemmed_word, frozenset()) | {stemmed_word}


def phrase_groups(folded_query: str) -> set[str]:
    """Stemmed words of the groups whose multi-word entries occur in the query ('stoppen met roken')."""
    words: set[str] = set()
    for group in synonym_groups():
        if any(" " in w and w in folded_query for w in group):
            words.update(stem(w) for w in group if " " not in w)
    return words

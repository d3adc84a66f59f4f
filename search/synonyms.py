"""The synonym groups of search/synoniemen.txt: one file for the database backend and Elasticsearch."""

from functools import cache
from pathlib import Path

from core.text import analyse, fold, tokens

SYNONYM_FILE = Path(__file__).resolve().parent / "synoniemen.txt"


@cache
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """Each group's entries, folded: ('schulden', 'geldzaken', 'rekeningen niet betalen', ...)."""
    groups = []
    for line in SYNONYM_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        entries = (" ".join(tokens(fold(entry))) for entry in line.split(","))
        words = tuple(dict.fromkeys(entry for entry in entries if entry))
        if len(words) > 1:
            groups.append(words)
    return tuple(groups)


def elasticsearch_rules() -> list[str]:
    """The groups as Solr-format lines for a synonym_graph filter."""
    return [", ".join(group) for group in synonym_groups()]


def entry_stems(entry: str) -> tuple[str, ...]:
    """The stems of an entry's content words ('rekeningen niet betalen' -> ('reken', 'betal'))."""
    return analyse(entry).stems


def entry_words(entry: str) -> tuple[str, ...]:
    return analyse(entry).words


@cache
def _groups_by_stem() -> dict[str, tuple[int, ...]]:
    """Single-word entries by stem -> the numbers of their groups."""
    table: dict[str, list[int]] = {}
    for number, group in enumerate(synonym_groups()):
        for entry in group:
            stems = entry_stems(entry)
            if len(stems) == 1:
                table.setdefault(stems[0], []).append(number)
    return {key: tuple(dict.fromkeys(value)) for key, value in table.items()}


@cache
def _phrases() -> tuple[tuple[tuple[str, ...], int], ...]:
    """Multi-word entries as (stems, group number)."""
    found = []
    for number, group in enumerate(synonym_groups()):
        for entry in group:
            stems = entry_stems(entry)
            if len(stems) > 1:
                found.append((stems, number))
    return tuple(found)


def groups_for_stem(stem: str) -> list[tuple[str, ...]]:
    """The groups that hold a one-word entry with this stem."""
    groups = synonym_groups()
    return [groups[n] for n in _groups_by_stem().get(stem, ())]


def groups_for_phrases(query_stems: tuple[str, ...]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(phrase stems, group) for every multi-word entry whose words occur in a row in the query."""
    groups = synonym_groups()
    found = []
    for stems, number in _phrases():
        size = len(stems)
        if any(query_stems[i : i + size] == stems for i in range(len(query_stems) - size + 1)):
            found.append((stems, groups[number]))
    return found

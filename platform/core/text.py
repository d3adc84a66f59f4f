"""Dutch text analysis for every app: folding, tokens, stop words, compounds, the Snowball Dutch stemmer.

Search (every backend) and marketplace matching read words the same way through this module:

1. fold: lower case, accents removed ("Café" -> "cafe");
2. tokens: runs of letters and digits;
3. stop words: the Snowball Dutch list, the one PostgreSQL's `dutch` configuration and Elasticsearch's
   `_dutch_` list use;
4. normalise: a diminutive or a plural with a doubled consonant back to its base ("klusjes" -> "klus",
   "lessen" -> "les"), which the Snowball stemmer leaves apart;
5. compounds: a word made of known parts (woorddelen.txt) also counts as its parts ("taallessen" ->
   "taal" + "les", "brabantzorg" -> "brabant" + "zorg");
6. stem: Snowball Dutch (the Porter-style algorithm that PostgreSQL and Elasticsearch implement).

Steps 1-5 are the "pre-analysis": their output (normalised words) can be handed to any Snowball Dutch
stemmer — ours on SQLite, PostgreSQL's `dutch` configuration, Elasticsearch's `dutch` stemmer — and
gives the same stems.
"""

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 8
MIN_PART_LENGTH = 3

WORD_PARTS_FILE = Path(__file__).resolve().parent / "woorddelen.txt"

_TOKEN = re.compile(r"[a-z0-9]+")
_VOWELS = set("aeiouy")

# The Snowball Dutch stop words: the same list as PostgreSQL's dutch.stop and Elasticsearch's _dutch_.
_STOPWORDS = (
    "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan "
    "zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft "
    "hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet "
    "ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen "
    "na reeds wil kon niets uw iemand geweest andere"
)
STOPWORDS = frozenset(_STOPWORDS.split())

# The algorithm of PostgreSQL's dutch_stem and Elasticsearch's "dutch" stemmer (snowballstemmer 3 calls
# it dutch_porter; older releases call it dutch).
_ALGORITHM = "dutch_porter" if "dutch_porter" in snowballstemmer.algorithms() else "dutch"
_local = threading.local()


def fold(value: str) -> str:
    """Lower case without accents: 'Café Één' -> 'cafe een'."""
    decomposed = unicodedata.normalize("NFKD", value or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokens(value: str) -> list[str]:
    return _TOKEN.findall(fold(value))


def _undouble(word: str) -> str:
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in _VOWELS:
        return word[:-1]
    return word


@lru_cache(maxsize=50_000)
def normalise(word: str) -> str:
    """A diminutive or a plural with a doubled consonant back to its base, before any stemmer.

    klusjes -> klus, kopjes -> kop, balletjes -> bal, lessen -> les, klussen -> klus, artsen -> arts.
    Other words pass
    unchanged: the Snowball stemmer handles them the same everywhere.
    """
    if len(word) <= 4 or word.isdigit():
        return word
    for suffix in ("etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix.startswith("e") or suffix.startswith("p"):
                return _undouble(base)
            return base
    if word.endswith("en") and len(word) >= 6:
        base = word[:-2]
        if base[-1] == base[-2] and base[-1] not in _VOWELS:
            return base[:-1]
        if base[-1] == "s" and base[-2] not in _VOWELS and base[-2] not in "js":
            return base  # artsen -> arts, so that the stemmer treats arts and artsen alike
    return word


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer(_ALGORITHM)
    return stemmer


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The Snowball Dutch stem of a folded word, after normalise(): spreekuren -> spreekur."""
    if word.isdigit():
        return word
    return _stemmer().stemWord(normalise(word))


@cache
def word_parts() -> frozenset[str]:
    """The known parts of compounds (woorddelen.txt), folded."""
    parts = set()
    for line in WORD_PARTS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            parts.update(tokens(line))
    return frozenset(p for p in parts if len(p) >= MIN_PART_LENGTH)


@cache
def _part_stems() -> frozenset[str]:
    return frozenset(stem(p) for p in word_parts())


def _is_part(word: str) -> bool:
    return word in word_parts() or normalise(word) in word_parts() or stem(word) in _part_stems()


def _segment(word: str, depth: int) -> list[str] | None:
    """The word as known parts, longest first part first; None when it is not made of known parts."""
    if _is_part(word):
        return [word]
    if depth == 0:
        return None
    for end in range(len(word) - MIN_PART_LENGTH, MIN_PART_LENGTH - 1, -1):
        head, rest = word[:end], word[end:]
        if head not in word_parts():
            continue
        for link in ("", "s", "en", "e"):
            if rest.startswith(link) and len(rest) - len(link) >= MIN_PART_LENGTH:
                tail = _segment(rest[len(link) :], depth - 1)
                if tail:
                    return [head, *tail]
    return None


@lru_cache(maxsize=50_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """The parts of a compound ('taallessen' -> ('taal', 'lessen')); () for a word that is no compound.

    A word that is itself in the list (huiswerk, spreekuur) stays whole.
    """
    if len(word) < 2 * MIN_PART_LENGTH or word.isdigit() or word in word_parts():
        return ()
    parts = _segment(word, depth=3)
    if not parts or len(parts) < 2:
        return ()
    return tuple(parts)


def content_words(value: str) -> list[str]:
    """The folded words of a text without stop words, in order."""
    return [w for w in tokens(value) if w not in STOPWORDS]


@dataclass(frozen=True)
class Analysis:
    """A text read for matching: whole words and compound parts, as normalised words and as stems."""

    words: tuple[str, ...]  # normalised whole words (for any Snowball stemmer)
    part_words: tuple[str, ...]  # normalised parts of compounds
    stems: tuple[str, ...]
    part_stems: tuple[str, ...]


def analyse(*values: str) -> Analysis:
    words: dict[str, None] = {}
    parts: dict[str, None] = {}
    for value in values:
        for word in content_words(value):
            words[normalise(word)] = None
            for part in compound_parts(word):
                parts[normalise(part)] = None
    stems = tuple(dict.fromkeys(stem(w) for w in words))
    part_stems = tuple(dict.fromkeys(s for s in (stem(p) for p in parts) if s not in stems))
    part_words = tuple(p for p in parts if stem(p) in part_stems)
    return Analysis(words=tuple(words), part_words=part_words, stems=stems, part_stems=part_stems)


def stems_of(value: str) -> frozenset[str]:
    """Every stem of a text, whole words and compound parts: the words marketplace matching compares."""
    analysis = analyse(value)
    return frozenset(analysis.stems + analysis.part_stems)


def query_terms(query: str) -> list[str]:
    """The words of a query worth searching for: folded, without stop words, bounded in number."""
    words = [w for w in tokens(query[:MAX_QUERY_LENGTH]) if w not in STOPWORDS and len(w) >= 2]
    return list(dict.fromkeys(words))[:MAX_QUERY_TERMS]


def index_terms(*values: str) -> str:
    """The stems of a document's whole words, space separated, for the database backend."""
    return " ".join(analyse(*values).stems)


def trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (adjacent transpositions) distance, stopping early above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def allowed_typos(word: str) -> int:
    """Elasticsearch's fuzziness AUTO: 0 edits up to 2 letters, 1 up to 5, 2 above."""
    if len(word) <= 2:
        return 0
    return 1 if len(word) <= 5 else 2


# Control characters (an escape, a bell) and the marks that turn text around (U+202E); not tabs or line breaks.
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def has_control_characters(value: str) -> bool:
    return bool(_CONTROL.search(value))


def without_control_characters(value: str) -> str:
    """Text without the characters nobody types on purpose, that break XML feeds and iCalendar files."""
    return _CONTROL.sub("", value)

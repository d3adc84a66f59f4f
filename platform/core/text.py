"""Dutch text normalisation for every app: folding, tokens, stop words, a light Dutch stemmer.

Search (every backend) and marketplace matching read words the same way through this module.
"""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 8

_TOKEN = re.compile(r"[a-z0-9]+")
_VOWELS = set("aeiouy")

# The common Dutch function words; the same idea as Elasticsearch's _dutch_ stop list, kept short.
_STOPWORDS = (
    "de het een en van in op te met voor aan bij of om door over uit naar als dan tot is zijn was er die dat "
    "dit wat wie ook nog wel niet geen maar je u ik we wij ze zij hij haar hem ons onze mijn jouw uw hun"
)
STOPWORDS = frozenset(_STOPWORDS.split())


def fold(value: str) -> str:
    """Lower case without accents: 'Café Één' -> 'cafe een'."""
    decomposed = unicodedata.normalize("NFKD", value or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokens(value: str) -> list[str]:
    return _TOKEN.findall(fold(value))


def stem(word: str) -> str:
    """A light Dutch stemmer: plural and diminutive endings, then a doubled final consonant.

    activiteiten -> activiteit, schulden -> schuld, huisartsen -> huisarts, kopjes -> kop.
    """
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix in ("tjes", "etjes", "jes", "tje", "je"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    else:
        if word.endswith("en") and len(word) >= 6:
            word = word[:-2]
        elif word.endswith("'s") or (word.endswith("s") and len(word) >= 5 and word[-2] not in "s"):
            word = word[:-1]
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in _VOWELS:
        word = word[:-1]
    return word


def query_terms(query: str) -> list[str]:
    """The words of a query worth searching for: folded, without stop words, bounded in number."""
    words = [w for w in tokens(query[:MAX_QUERY_LENGTH]) if w not in STOPWORDS and len(w) >= 2]
    return list(dict.fromkeys(words))[:MAX_QUERY_TERMS]


def index_terms(*values: str) -> str:
    """The stemmed words of a document, space separated, for the database backend."""
    words = []
    for value in values:
        words.extend(stem(w) for w in tokens(value) if w not in STOPWORDS)
    return " ".join(dict.fromkeys(words))


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

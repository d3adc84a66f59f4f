"""The embedded default, on SQLite and on PostgreSQL: synonyms, typos, facets, suggestions."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.backends.database import DatabaseBackend
from search.models import SearchEntry

from .factories import SearchDocumentFactory, titles

pytestmark = pytest.mark.django_db


# key, type, title, text, category and its label
DOCUMENTS = [
    ("t:2", "activity", "Budgetcursus", "Grip op uw geldzaken.", "geldzaken", "Geldzaken"),
    ("t:3", "activity", "Koffieochtend", "Koffie en een praatje.", "ontmoeten", "Ontmoeten"),
    ("t:4", "story", "Mijn huisarts", "Over de praktijk in de wijk.", "", ""),
]
FIELDS = ("key", "doc_type", "title", "text", "category", "category_label")


@pytest.fixture
def backend():
    backend = DatabaseBackend()
    backend.rebuild(
        [SearchDocumentFactory.build(key="t:1", schuldhulp=True)]
        + [SearchDocumentFactory.build(**dict(zip(FIELDS, row, strict=True))) for row in DOCUMENTS]
    )
    return backend


def test_exact_word_is_found(backend):
    assert titles(backend.search(query="koffieochtend", user=None)) == ["Koffieochtend"]


def test_synonym_group_finds_other_words(backend):
    found = titles(backend.search(query="geldzorgen", user=None))
    assert set(found) == {"Spreekuur schuldhulp", "Budgetcursus"}


@pytest.mark.parametrize("words", ["armoede", "voedselbank"])
def test_words_for_being_poor_find_the_help_with_money(backend, words):
    assert "Spreekuur schuldhulp" in titles(backend.search(query=words, user=None))


def test_dokter_finds_huisarts(backend):
    assert titles(backend.search(query="dokter", user=None)) == ["Mijn huisarts"]


def test_spelling_mistake_is_tolerated(backend):
    assert "Spreekuur schuldhulp" in titles(backend.search(query="shuldhulp", user=None))


def test_title_match_ranks_above_text_match(backend):
    backend.index(SearchDocumentFactory.build(key="t:5", title="Wandelen", text="Daarna koffieochtend."))
    assert titles(backend.search(query="koffieochtend", user=None))[0] == "Koffieochtend"


def test_nonsense_finds_nothing(backend):
    results = backend.search(query="xqzvbrtplm", user=None)
    assert results.hits == [] and results.type_counts == {}


def test_type_filter_keeps_counts_of_every_type(backend):
    results = backend.search(query="geldzaken", user=None, types=["walk_in"])
    assert titles(results) == ["Spreekuur schuldhulp"]
    assert results.type_counts == {"walk_in": 1, "activity": 1}
    assert results.category_counts == {"geldzaken": ("Geldzaken", 1)}


def test_category_filter(backend):
    results = backend.search(query="geldzaken koffie", user=None, category="ontmoeten")
    assert titles(results) == ["Koffieochtend"]


def test_suggestions_complete_the_start_of_a_word(backend):
    suggestions = backend.suggest(query="koff", user=None)
    assert [(s.text, s.key) for s in suggestions] == [("Koffieochtend", "t:3")]
    assert backend.suggest(query="schuldh", user=None)[0].text == "Spreekuur schuldhulp"
    assert backend.suggest(query="k", user=None) == []


def test_remove_and_reindex(backend):
    backend.remove("t:3")
    assert backend.search(query="koffieochtend", user=None).hits == []
    backend.index(SearchDocumentFactory.build(key="t:3", title="Koffie op zondag"))
    assert titles(backend.search(query="koffie", user=None)) == ["Koffie op zondag"]
    assert SearchEntry.objects.filter(key="t:3").count() == 1


@pytest.mark.parametrize(
    "query",
    [
        "a" * 5000,
        '"koffie"',
        "'",
        '"',
        "<script>alert(1)</script>",
        "café ünïcode 漢字 🙂",
        "%_\\",
        "koffie OR 1=1",
    ],
)
def test_odd_queries_answer_without_error(backend, query):
    results = backend.search(query=query, user=None)
    assert isinstance(results.hits, list)
    assert isinstance(backend.suggest(query=query, user=None), list)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=400))
def test_any_text_is_a_valid_query(backend, query):
    results = backend.search(query=query, user=None)
    assert all(hit.key.startswith("t:") for hit in results.hits)
    assert isinstance(backend.suggest(query=query, user=None), list)

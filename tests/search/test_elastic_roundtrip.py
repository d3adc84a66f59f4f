"""Round trips against a real cluster: run with ELASTICSEARCH_URL set (deploy/elasticsearch/ starts one)."""

import os
import uuid

import pytest

from search.backends.elastic import ElasticsearchBackend, alias_name

from .factories import SearchDocumentFactory, titles

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.django_db,  # the query plan reads the vocabulary for typos from the database
    pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set"),
]


@pytest.fixture
def backend(settings):
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX_PREFIX = f"wijk-test-{uuid.uuid4().hex[:8]}"
    backend = ElasticsearchBackend()
    backend.rebuild(
        [
            SearchDocumentFactory.build(key="t:1", schuldhulp=True),
            SearchDocumentFactory.build(key="t:2", title="Koffieochtend", text="Koffie en een praatje."),
            SearchDocumentFactory.build(key="t:3", doc_type="story", title="Mijn huisarts", category=""),
        ]
    )
    yield backend
    for name in backend.client.indices.get(index=f"{alias_name()}-*"):
        backend.client.indices.delete(index=name)


def test_synonyms_reach_other_words(backend):
    assert titles(backend.search(query="geldzorgen", user=None)) == ["Spreekuur schuldhulp"]
    assert titles(backend.search(query="dokter", user=None)) == ["Mijn huisarts"]


def test_fuzziness_tolerates_a_typo(backend):
    assert "Spreekuur schuldhulp" in titles(backend.search(query="shuldhulp", user=None))


def test_nonsense_finds_nothing(backend):
    assert backend.search(query="xqzvbrtplm", user=None).hits == []


def test_facets_and_type_filter(backend):
    results = backend.search(query="schuldhulp koffie", user=None, types=["walk_in"])
    assert titles(results) == ["Spreekuur schuldhulp"]
    assert results.type_counts == {"walk_in": 1, "activity": 1}


def test_edge_ngram_suggestions(backend):
    assert [s.text for s in backend.suggest(query="koff", user=None)] == ["Koffieochtend"]


def test_index_remove_and_rebuild_swap_the_alias(backend):
    backend.index(SearchDocumentFactory.build(key="t:9", title="Fietsreparatie"))
    backend.client.indices.refresh(index=alias_name())
    assert titles(backend.search(query="fietsen", user=None)) == ["Fietsreparatie"]
    backend.remove("t:9")
    backend.client.indices.refresh(index=alias_name())
    assert backend.search(query="fietsreparatie", user=None).hits == []
    before = set(backend.client.indices.get_alias(name=alias_name()))
    backend.rebuild([SearchDocumentFactory.build(key="t:10", title="Taalcafé")])
    after = set(backend.client.indices.get_alias(name=alias_name()))
    assert before.isdisjoint(after) and len(after) == 1
    assert titles(backend.search(query="taalcafe", user=None)) == ["Taalcafé"]


@pytest.mark.parametrize("query", ["a" * 5000, '"koffie', "<script>", "漢字 🙂", "koffie AND OR ("])
def test_odd_queries_answer(backend, query):
    assert isinstance(backend.search(query=query, user=None).hits, list)

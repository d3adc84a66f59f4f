"""The Elasticsearch backend without a server: index definition, analysis, query bodies, alias swap."""

import json
from datetime import UTC, datetime
from unittest import mock

import pytest

from core.text import STOPWORDS, word_parts
from search.analysis import Vocabulary, plan
from search.backends.base import BackendUnavailable
from search.backends.elastic import (
    ElasticsearchBackend,
    _document_body,
    alias_name,
    index_definition,
    new_index_name,
    parse_search_response,
    search_body,
    suggest_body,
)
from search.synonyms import synonym_groups

from .factories import SearchDocumentFactory, elastic_answer


@pytest.fixture
def definition():
    return index_definition("wijk-search-test").to_dict()


def test_dutch_analyzers_are_those_of_core_text(definition):
    analysis = definition["settings"]["analysis"]
    index_filters = analysis["analyzer"]["dutch_index"]["filter"]
    assert index_filters == ["lowercase", "asciifolding", "dutch_stop", "dutch_decompounder", "dutch_stemmer"]
    assert analysis["filter"]["dutch_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert set(analysis["filter"]["dutch_stop"]["stopwords"]) == STOPWORDS
    decompounder = analysis["filter"]["dutch_decompounder"]
    assert decompounder["type"] == "dictionary_decompounder"
    assert set(decompounder["word_list"]) == word_parts()
    assert {"taal", "les", "huis", "arts", "energie", "rekening", "wijk"} <= set(decompounder["word_list"])
    assert analysis["analyzer"]["pre_analysed"] == {
        "type": "custom",
        "tokenizer": "whitespace",
        "filter": ["dutch_stemmer"],
    }


def test_documents_carry_the_pre_analysed_words():
    document = SearchDocumentFactory(title="Taallessen bij BrabantZorg", summary="Voor huisartsen.")
    body = _document_body(document)
    assert {"taalles", "brabantzorg"} <= set(body["title_words"].split())
    assert {"taal", "les", "brabant", "zorg"} <= set(body["title_words"].split())
    assert "huisarts" in body["words"].split()
    assert body["title_name"] == "taallessenbijbrabantzorg"


def test_search_analyzer_applies_the_synonym_file(definition):
    analysis = definition["settings"]["analysis"]
    assert "dutch_synonyms" in analysis["analyzer"]["dutch_search"]["filter"]
    synonyms = analysis["filter"]["dutch_synonyms"]
    assert synonyms["type"] == "synonym_graph"
    assert len(synonyms["synonyms"]) == len(synonym_groups()) >= 30
    assert any("dokter" in rule and "huisarts" in rule for rule in synonyms["synonyms"])
    assert any("geldzorgen" in rule and "schulden" in rule for rule in synonyms["synonyms"])


def test_title_has_edge_ngrams_for_suggestions(definition):
    analysis = definition["settings"]["analysis"]
    assert analysis["filter"]["autocomplete_filter"] == {"type": "edge_ngram", "min_gram": 2, "max_gram": 20}
    title = definition["mappings"]["properties"]["title"]
    assert title["analyzer"] == "dutch_index"
    assert title["search_analyzer"] == "dutch_search"
    assert title["fields"]["suggest"] == {
        "type": "text",
        "analyzer": "autocomplete",
        "search_analyzer": "autocomplete_search",
    }


def test_facet_fields_are_keywords(definition):
    properties = definition["mappings"]["properties"]
    for name in ("doc_type", "category", "visibility", "key"):
        assert properties[name]["type"] == "keyword"


def test_query_body_uses_the_shared_plan_with_compounds_and_synonyms():
    body = search_body(query="taallessen")
    should = body["query"]["bool"]["should"]
    assert should[0]["multi_match"]["query"] == "taallessen"
    assert "analyzer" not in should[0]["multi_match"]  # the field's search analyzer, with synonyms
    alternatives = should[1]["dis_max"]["queries"]
    words = json.dumps(alternatives)
    assert '"query": "taalles"' in words  # the whole word, normalised
    assert '"query": "taal"' in words and '"query": "les"' in words  # its parts, both required
    assert '"query": "taalcafe"' in words and '"query": "nederlands"' in words  # synonyms from the file


def test_query_body_uses_the_corrections_of_the_plan():
    vocabulary = Vocabulary.build(["schuldhulp", "koffie"])
    body = search_body(query="shuldhulp", query_plan=plan("shuldhulp", vocabulary))
    assert '"query": "schuldhulp"' in json.dumps(body["query"]["bool"]["should"][1])


def test_query_body_keeps_elasticsearch_fuzziness_for_unknown_typos():
    should = search_body(query="shuldhulp")["query"]["bool"]["should"]
    assert should[-1]["multi_match"]["fuzziness"] == "AUTO"
    assert should[-1]["multi_match"]["analyzer"] == "dutch_index"


def test_a_name_is_boosted_as_a_whole():
    should = search_body(query="brabant zorg")["query"]["bool"]["should"]
    assert {"term": {"title_name": {"value": "brabantzorg", "boost": 20}}} in should


def test_query_body_always_filters_on_public_visibility():
    body = search_body(query="koffie")
    assert {"term": {"visibility": "public"}} in body["query"]["bool"]["filter"]
    assert {"term": {"visibility": "public"}} in suggest_body(query="koff")["query"]["bool"]["filter"]


def test_type_filter_is_a_post_filter_so_type_counts_stay_complete():
    body = search_body(query="koffie", types=["walk_in"], category="geldzaken")
    assert body["post_filter"] == {"terms": {"doc_type": ["walk_in"]}}
    assert {"term": {"category": "geldzaken"}} in body["query"]["bool"]["filter"]
    assert body["aggs"]["types"]["terms"]["field"] == "doc_type"
    assert body["aggs"]["categories"]["filter"] == {"terms": {"doc_type": ["walk_in"]}}


def test_query_body_is_bounded_for_very_long_queries():
    body = search_body(query="a" * 5000)
    assert len(body["query"]["bool"]["should"][0]["multi_match"]["query"]) == 200


def test_suggest_body_matches_edge_ngrams_of_the_title():
    body = suggest_body(query="koff")
    assert body["query"]["bool"]["must"][0] == {
        "match": {"title.suggest": {"query": "koff", "operator": "and"}}
    }


def test_new_index_names_sort_by_time_behind_one_alias(settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = "wijk"
    first = new_index_name(datetime(2026, 1, 1, tzinfo=UTC))
    second = new_index_name(datetime(2026, 1, 2, tzinfo=UTC))
    assert alias_name() == "wijk-search"
    assert first.startswith("wijk-search-") and first < second


def test_swap_alias_moves_alias_atomically_and_deletes_old_index(settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = "wijk"
    client = mock.MagicMock()
    client.indices.get_alias.return_value = {"wijk-search-old": {"aliases": {"wijk-search": {}}}}
    removed = ElasticsearchBackend(client=client).swap_alias("wijk-search-new")
    client.indices.update_aliases.assert_called_once_with(
        actions=[
            {"remove": {"index": "wijk-search-old", "alias": "wijk-search"}},
            {"add": {"index": "wijk-search-new", "alias": "wijk-search"}},
        ]
    )
    client.indices.delete.assert_called_once_with(index="wijk-search-old")
    assert removed == ["wijk-search-old"]


def test_swap_alias_for_the_first_time_only_adds(settings):
    client = mock.MagicMock()
    client.indices.get_alias.side_effect = Exception("alias missing")
    ElasticsearchBackend(client=client).swap_alias("wijk-search-new")
    actions = client.indices.update_aliases.call_args.kwargs["actions"]
    assert actions == [{"add": {"index": "wijk-search-new", "alias": alias_name()}}]
    client.indices.delete.assert_not_called()


def test_rebuild_fills_a_new_index_before_swapping():
    client = mock.MagicMock()
    client.indices.get_alias.return_value = {"wijk-search-old": {}}
    calls = []
    client.indices.update_aliases.side_effect = lambda **kw: calls.append("swap")

    def fake_bulk(_client, actions, refresh):
        items = list(actions)
        calls.append(("bulk", len(items), items[0]["_index"]))
        return len(items), []

    with mock.patch("search.backends.elastic.bulk", side_effect=fake_bulk):
        count = ElasticsearchBackend(client=client).rebuild(SearchDocumentFactory.build_batch(3))
    created = client.indices.create.call_args.kwargs["index"]
    assert count == 3
    assert calls == [("bulk", 3, created), "swap"]
    assert created != "wijk-search-old"
    client.indices.delete.assert_called_once_with(index="wijk-search-old")


def test_index_writes_public_document_through_the_alias():
    client = mock.MagicMock()
    client.indices.exists_alias.return_value = True
    document = SearchDocumentFactory.build(key="activities.activity:7")
    ElasticsearchBackend(client=client).index(document)
    kwargs = client.index.call_args.kwargs
    assert kwargs["index"] == alias_name()
    assert kwargs["id"] == "activities.activity:7"
    assert kwargs["document"]["visibility"] == "public"


@pytest.mark.django_db  # the query plan reads the vocabulary for typos
def test_client_errors_become_backend_unavailable():
    client = mock.MagicMock()
    client.search.side_effect = ConnectionError("refused")
    with pytest.raises(BackendUnavailable):
        ElasticsearchBackend(client=client).search(query="koffie", user=None)


def test_parse_response_reads_hits_and_facets():
    response = elastic_answer(
        {
            "key": "activities.activity:1",
            "doc_type": "walk_in",
            "title": "Spreekuur geldzaken",
            "url": "/a/1/",
            "category": "geldzaken",
            "category_label": "Geldzaken",
        },
        score=2.5,
        aggregations={
            "types": {"buckets": [{"key": "walk_in", "doc_count": 1}]},
            "categories": {
                "labels": {
                    "buckets": [
                        {"key": "geldzaken", "doc_count": 1, "label": {"buckets": [{"key": "Geldzaken"}]}}
                    ]
                }
            },
        },
    )
    results = parse_search_response(response)
    assert results.hits[0].title == "Spreekuur geldzaken"
    assert results.type_counts == {"walk_in": 1}
    assert results.category_counts == {"geldzaken": ("Geldzaken", 1)}
    assert results.total == 1


def test_removing_an_unknown_document_is_fine():
    from elasticsearch import NotFoundError

    client = mock.MagicMock()
    client.delete.side_effect = NotFoundError("not found", mock.MagicMock(status=404), {})
    ElasticsearchBackend(client=client).remove("activities.activity:404")
    client.delete.assert_called_once_with(index=alias_name(), id="activities.activity:404")


def test_first_write_creates_index_and_alias():
    client = mock.MagicMock()
    client.indices.exists_alias.return_value = False
    ElasticsearchBackend(client=client).ensure_index()
    created = client.indices.create.call_args.kwargs
    assert created["index"].startswith(f"{alias_name()}-")
    assert "dutch_search" in created["settings"]["analysis"]["analyzer"]
    client.indices.put_alias.assert_called_once_with(index=created["index"], name=alias_name())

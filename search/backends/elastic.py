"""Elasticsearch through elasticsearch-dsl: Dutch analysis, synonyms, edge n-grams, fuzziness, aliases.

Writes and reads go through an alias (`<prefix>-search`). A rebuild fills a new timestamped index and
then moves the alias in one atomic `update_aliases` call, so searching never stops.
"""

import logging
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.helpers import bulk
from elasticsearch_dsl import (
    Document,
    Index,
    Keyword,
    Object,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
)

from core.text import MAX_QUERY_LENGTH, STOPWORDS, analyse, tokens, word_parts

from ..analysis import QueryPlan, plan
from ..documents import SearchDocument, SearchHit, SearchResults, Suggestion
from ..synonyms import elasticsearch_rules
from .base import RESULT_LIMIT, SUGGESTION_LIMIT, BackendUnavailable

logger = logging.getLogger(__name__)

# The same analysis as core.text: its stop words (Snowball's Dutch list), its compound parts, the
# Snowball Dutch stemmer ("dutch" in Elasticsearch is the algorithm of PostgreSQL's dutch_stem) and the
# one synonym file.
dutch_stop = token_filter("dutch_stop", "stop", stopwords=sorted(STOPWORDS))
dutch_decompounder = token_filter(
    "dutch_decompounder",
    "dictionary_decompounder",
    word_list=sorted(word_parts()),
    min_subword_size=3,
    only_longest_match=True,
)
dutch_stemmer = token_filter("dutch_stemmer", "stemmer", language="dutch")
dutch_synonyms = token_filter("dutch_synonyms", "synonym_graph", synonyms=elasticsearch_rules(), lenient=True)
autocomplete_filter = token_filter("autocomplete_filter", "edge_ngram", min_gram=2, max_gram=20)

# Index time: fold, drop stop words, split compounds, stem. Synonyms are applied at search time.
dutch_index = analyzer(
    "dutch_index",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", dutch_stop, dutch_decompounder, dutch_stemmer],
)
dutch_search = analyzer(
    "dutch_search",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", dutch_synonyms, dutch_stop, dutch_stemmer],
)
# Words already read by core.text (folded, normalised, compounds split): only the stemmer is left.
pre_analysed = analyzer("pre_analysed", tokenizer="whitespace", filter=[dutch_stemmer])
autocomplete = analyzer(
    "autocomplete",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", autocomplete_filter],
)
autocomplete_search = analyzer(
    "autocomplete_search", tokenizer="standard", filter=["lowercase", "asciifolding"]
)


class SearchItem(Document):
    key = Keyword()
    doc_type = Keyword()
    object_id = Keyword()
    title = Text(
        analyzer=dutch_index,
        search_analyzer=dutch_search,
        fields={
            "suggest": Text(analyzer=autocomplete, search_analyzer=autocomplete_search),
            "raw": Keyword(),
        },
    )
    summary = Text(analyzer=dutch_index, search_analyzer=dutch_search)
    text = Text(analyzer=dutch_index, search_analyzer=dutch_search)
    # The pre-analysis of core.text, the same words the database backend stems and scores.
    title_words = Text(analyzer=pre_analysed)
    words = Text(analyzer=pre_analysed)
    part_words = Text(analyzer=pre_analysed)
    title_name = Keyword()  # the title's words joined: "brabantzorg", to recognise a name
    title_tokens = Text(analyzer="whitespace")
    url = Keyword(index=False)
    category = Keyword()
    category_label = Keyword()
    visibility = Keyword()  # always "public": only what an anonymous visitor may see is indexed
    facets = Object(enabled=False)

    class Index:
        name = "wijk-search"  # replaced by alias_name() at runtime
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


def alias_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-search"


def new_index_name(now=None) -> str:
    return f"{alias_name()}-{(now or timezone.now()).strftime('%Y%m%d%H%M%S%f')}"


def index_definition(name: str) -> Index:
    """The index with its analysis and mapping, under a concrete name."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0, max_ngram_diff=20)
    index.document(SearchItem)
    for item in (dutch_index, dutch_search, pre_analysed, autocomplete, autocomplete_search):
        index.analyzer(item)
    return index


WORD_FIELDS = ["title_words^3", "words", "part_words^0.6"]


def _alternative_query(alternative) -> Q:
    """All words of one alternative, each in the title (x3), the text or a compound part (x0.6)."""
    matches = [
        Q("multi_match", query=word, fields=WORD_FIELDS, type="best_fields") for word in alternative.words
    ]
    if len(matches) == 1:
        return Q("multi_match", query=alternative.words[0], fields=WORD_FIELDS, boost=alternative.weight)
    return Q("bool", must=matches, boost=alternative.weight)


def plan_queries(query_plan: QueryPlan) -> list[Q]:
    """The query plan of search/analysis.py as Elasticsearch clauses: per query word the best alternative."""
    clauses = [
        Q("dis_max", queries=[_alternative_query(a) for a in group.alternatives if a.words])
        for group in query_plan.groups
        if any(a.words for a in group.alternatives)
    ]
    if len(query_plan.name) >= 3:
        clauses.append(Q("term", title_name={"value": query_plan.name, "boost": 20}))
        clauses.append(
            Q("match_phrase_prefix", title_tokens={"query": " ".join(query_plan.name_tokens), "boost": 10})
        )
    return clauses


def search_body(
    *,
    query: str,
    types: Sequence[str] = (),
    category: str = "",
    limit: int = RESULT_LIMIT,
    query_plan: QueryPlan | None = None,
) -> dict:
    """The query: the shared plan (compounds, synonyms, corrections) on the pre-analysed words, and
    Elasticsearch's own Dutch analysis with synonyms on the text; visibility always; facets per type and
    category. The type filter is a post_filter, so the type counts still show every type.
    """
    query = query[:MAX_QUERY_LENGTH]
    query_plan = query_plan or plan(query)
    fields = ["title^3", "summary^2", "text"]
    search = Search(index=alias_name()).extra(size=limit, track_total_hits=True)
    search = search.query(
        "bool",
        should=[
            Q("multi_match", query=query, fields=fields, type="best_fields", boost=0.3),
            *plan_queries(query_plan),
            # Elasticsearch's own fuzziness, for a typo the vocabulary of the database does not know.
            Q(
                "multi_match",
                query=query,
                fields=fields,
                fuzziness="AUTO",
                prefix_length=1,
                analyzer="dutch_index",
                boost=0.2,
            ),
        ],
        minimum_should_match=1,
        filter=[Q("term", visibility="public")] + ([Q("term", category=category)] if category else []),
    )
    search.aggs.bucket("types", "terms", field="doc_type", size=10)
    search.aggs.bucket("categories", "filter", filter=_types_filter(types) or Q("match_all")).bucket(
        "labels", "terms", field="category", size=30
    ).bucket("label", "terms", field="category_label", size=1)
    if types:
        search = search.post_filter(_types_filter(types))
    search = search.source(
        ["key", "doc_type", "title", "summary", "url", "category", "category_label", "facets.meta"]
    )
    return search.to_dict()


def _types_filter(types: Sequence[str]):
    return Q("terms", doc_type=list(types)) if types else None


def suggest_body(*, query: str, limit: int = SUGGESTION_LIMIT) -> dict:
    search = Search(index=alias_name()).extra(size=limit)
    search = search.query(
        "bool",
        must=[Q("match", **{"title.suggest": {"query": query[:100], "operator": "and"}})],
        filter=[Q("term", visibility="public")],
    )
    return search.source(["key", "title", "url"]).to_dict()


def _document_body(document: SearchDocument) -> dict:
    title = analyse(document.title)
    body = analyse(document.title, document.summary, document.text, document.category_label)
    title_tokens = tokens(document.title)
    return {
        "title_words": " ".join(title.words + title.part_words),
        "words": " ".join(body.words),
        "part_words": " ".join(body.part_words),
        "title_name": "".join(title_tokens),
        "title_tokens": " ".join(title_tokens),
        "key": document.key,
        "doc_type": document.doc_type,
        "object_id": document.object_id,
        "title": document.title,
        "summary": document.summary,
        "text": document.text,
        "url": document.url,
        "category": document.category,
        "category_label": document.category_label,
        "visibility": "public",
        "facets": document.facets,
    }


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, client: Elasticsearch | None = None):
        self.client = client or Elasticsearch(
            settings.ELASTICSEARCH_URL,
            request_timeout=settings.ELASTICSEARCH_TIMEOUT,
            max_retries=0,
            retry_on_timeout=False,
        )

    def _call(self, what: str, function, *args, **kwargs):
        try:
            return function(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 — any transport or API error means "not now"
            raise BackendUnavailable(f"Elasticsearch {what} failed: {error}") from error

    # Index management ------------------------------------------------------------------------------

    def ensure_index(self) -> None:
        """Create a first index behind the alias if the alias does not exist yet."""
        if not self._call("alias check", self.client.indices.exists_alias, name=alias_name()):
            name = new_index_name()
            self._call("create", self.client.indices.create, index=name, **index_definition(name).to_dict())
            self._call("alias", self.client.indices.put_alias, index=name, name=alias_name())

    def swap_alias(self, new_index: str) -> list[str]:
        """Point the alias at `new_index` atomically; delete and return the indices it pointed at before."""
        alias = alias_name()
        try:
            old = list(self.client.indices.get_alias(name=alias).keys())
        except Exception:  # noqa: BLE001 — no alias yet: nothing to remove
            old = []
        actions = [{"remove": {"index": name, "alias": alias}} for name in old if name != new_index]
        actions.append({"add": {"index": new_index, "alias": alias}})
        self._call("alias swap", self.client.indices.update_aliases, actions=actions)
        for name in old:
            if name != new_index:
                self._call("delete old index", self.client.indices.delete, index=name)
        return [name for name in old if name != new_index]

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        name = new_index_name()
        self._call("create", self.client.indices.create, index=name, **index_definition(name).to_dict())
        actions = ({"_index": name, "_id": d.key, "_source": _document_body(d)} for d in documents)
        count, _ = self._call("bulk", bulk, self.client, actions, refresh=True)
        self.swap_alias(name)
        return count

    def index(self, document: SearchDocument) -> None:
        self.ensure_index()
        self._call(
            "index", self.client.index, index=alias_name(), id=document.key, document=_document_body(document)
        )

    def remove(self, key: str) -> None:
        try:
            self.client.delete(index=alias_name(), id=key)
        except NotFoundError:
            return  # never indexed, or already gone
        except Exception as error:  # noqa: BLE001
            raise BackendUnavailable(f"Elasticsearch delete failed: {error}") from error

    # Reading -----------------------------------------------------------------------------------------

    def search(
        self, *, query: str, user, types: Sequence[str] = (), category: str = "", limit: int = RESULT_LIMIT
    ) -> SearchResults:
        from .database import current_vocabulary  # the vocabulary for typos lives in the database

        query_plan = plan(query, current_vocabulary())
        body = search_body(query=query, types=types, category=category, limit=limit, query_plan=query_plan)
        response = self._call("search", self.client.search, index=alias_name(), body=body)
        results = parse_search_response(response)
        results.corrections = query_plan.corrections
        return results

    def suggest(self, *, query: str, user, limit: int = SUGGESTION_LIMIT) -> list[Suggestion]:
        if len(query.strip()) < 2:
            return []
        response = self._call(
            "suggest", self.client.search, index=alias_name(), body=suggest_body(query=query)
        )
        return [
            Suggestion(text=hit["_source"]["title"], url=hit["_source"]["url"], key=hit["_source"]["key"])
            for hit in response["hits"]["hits"]
        ]


def parse_search_response(response) -> SearchResults:
    hits = [
        SearchHit(
            key=hit["_source"]["key"],
            doc_type=hit["_source"]["doc_type"],
            title=hit["_source"]["title"],
            url=hit["_source"]["url"],
            summary=hit["_source"].get("summary", ""),
            category=hit["_source"].get("category", ""),
            category_label=hit["_source"].get("category_label", ""),
            meta=str(hit["_source"].get("facets", {}).get("meta", ""))[:120],
            score=hit.get("_score") or 0.0,
        )
        for hit in response["hits"]["hits"]
    ]
    aggregations = response.get("aggregations", {})
    type_counts = {b["key"]: b["doc_count"] for b in aggregations.get("types", {}).get("buckets", [])}
    category_counts = {}
    for bucket in aggregations.get("categories", {}).get("labels", {}).get("buckets", []):
        labels = bucket.get("label", {}).get("buckets", [])
        category_counts[bucket["key"]] = (labels[0]["key"] if labels else bucket["key"], bucket["doc_count"])
    total = response["hits"].get("total", {})
    return SearchResults(
        hits=hits,
        type_counts=type_counts,
        category_counts=category_counts,
        backend="elasticsearch",
        total=total.get("value", len(hits)) if isinstance(total, dict) else int(total or 0),
    )

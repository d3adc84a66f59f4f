"""Documents for backend tests, built without any content app, and how a test reads the hits."""

import factory

from search.documents import SearchDocument


class SearchDocumentFactory(factory.Factory):
    class Meta:
        model = SearchDocument

    key = factory.Sequence(lambda n: f"tests.thing:{n}")
    doc_type = "activity"
    object_id = factory.Sequence(str)
    title = "Wandelen door de wijk"
    url = factory.Sequence(lambda n: f"/dingen/{n}/")
    summary = "Samen een rondje lopen."
    text = "Elke week lopen we samen door Ruwaard."
    category = "bewegen"
    category_label = "Sport en bewegen"

    class Params:
        # The walk-in hour that residents' money words (synonyms, a typo) must find on every backend.
        schuldhulp = factory.Trait(
            doc_type="walk_in",
            title="Spreekuur schuldhulp",
            text="Hulp bij rekeningen.",
            category="geldzaken",
            category_label="Geldzaken",
        )


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


def elastic_answer(*sources: dict, score: float, aggregations: dict) -> dict:
    """What Elasticsearch answers to a search: these stored documents, each with the score, and the facets."""
    return {
        "hits": {
            "total": {"value": len(sources)},
            "hits": [{"_score": score, "_source": source} for source in sources],
        },
        "aggregations": aggregations,
    }

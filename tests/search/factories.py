"""Documents for backend tests, built without any content app."""

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

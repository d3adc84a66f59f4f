"""Search on the embedded default (database backend) with 10,000 documents: median time per query."""

import statistics
import time

import pytest
from django.contrib.auth.models import AnonymousUser

from organisations.models import Organisation
from search import selectors
from search.indexing import rebuild_index

WORDS = [
    "koffie",
    "ochtend",
    "wandelen",
    "schuldhulp",
    "geldzaken",
    "huisarts",
    "buurt",
    "tuin",
    "fiets",
    "taalcafe",
    "kinderen",
    "ouderen",
    "spreekuur",
    "eten",
    "samen",
    "sport",
    "bewegen",
    "vrijwilliger",
    "klussen",
    "reparatie",
    "muziek",
    "lezen",
    "computer",
    "zorg",
    "thuis",
]
QUERIES = ["koffie", "geldzorgen", "shuldhulp", "dokter wandelen", "xqzvbrtplm"]
RUNS = 30


@pytest.mark.perf
@pytest.mark.django_db
def test_search_median_on_10000_documents():
    Organisation.objects.bulk_create(
        Organisation(
            name=f"Plek {n}",
            slug=f"plek-{n}",
            summary=f"{WORDS[n % len(WORDS)]} en {WORDS[(n * 7) % len(WORDS)]} in Ruwaard",
            helps_with=" ".join(WORDS[(n + k) % len(WORDS)] for k in range(0, 24, 3)) + f" woord{n}",
            help_topics=["ontmoeten"],
        )
        for n in range(10_000)
    )
    counts = rebuild_index()
    assert counts["database"] == 10_000
    user = AnonymousUser()
    selectors.search(query="koffie", user=user)  # warm up (vocabulary, connection)
    for query in QUERIES:
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            results = selectors.search(query=query, user=user)
            timings.append((time.perf_counter() - started) * 1000)
        median = statistics.median(timings)
        print(f"search '{query}' (10,000 documents, database): median {median:.1f} ms over {RUNS} runs")
        assert median < 50
        assert (results.hits == []) == (query == "xqzvbrtplm")
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        selectors.suggestions(query="koff", user=user)
        timings.append((time.perf_counter() - started) * 1000)
    print(f"suggest 'koff' (10,000 documents, database): median {statistics.median(timings):.1f} ms")


@pytest.mark.perf
@pytest.mark.django_db
def test_search_page_median_on_district_data(client, district, django_assert_max_num_queries):
    for query in ("koffie", "geldzorgen", "shuldhulp"):
        client.get("/zoeken/", {"q": query})
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            response = client.get("/zoeken/", {"q": query})
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200 and response.context["results"].hits
        print(f"/zoeken/?q={query} (district data, database): median {statistics.median(timings):.1f} ms")
    with django_assert_max_num_queries(12) as captured:
        client.get("/zoeken/", {"q": "koffie"})
    print(f"/zoeken/?q=koffie: {len(captured.captured_queries)} SQL queries")

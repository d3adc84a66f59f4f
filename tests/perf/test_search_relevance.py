"""Relevance on residents' own queries (tests/perf/search_queries.py) against the demo content.

Prints hit@3 and MRR for the database backend (SQLite or PostgreSQL, whichever DATABASE_URL names) and
for Elasticsearch when ELASTICSEARCH_URL is set. Each run keeps its first results in .benchmarks/, so
the second of `make bench` and `DATABASE_URL=postgres://… make bench` prints how often both databases
put the same result first.
"""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection

from search.backends.registry import database_backend, elasticsearch_backend
from tests.perf.search_queries import QUERIES, first_match

RESULTS_DIR = Path(settings.BASE_DIR) / ".benchmarks"
MIN_HIT_AT_3 = 0.95
MIN_MRR = 0.9
MIN_SAME_FIRST = 0.9


def evaluate(backend) -> tuple[float, float, dict[str, str], list[str]]:
    user = AnonymousUser()
    found_at_3, reciprocal, first, misses = 0, 0.0, {}, []
    for query, targets in QUERIES:
        hits = backend.search(query=query, user=user, limit=10).hits
        rank = first_match(hits, targets)
        found_at_3 += 1 if 0 < rank <= 3 else 0
        reciprocal += 1 / rank if rank else 0.0
        first[query] = f"{hits[0].doc_type}: {hits[0].title}" if hits else ""
        if rank != 1:
            shown = " | ".join(h.title for h in hits[:3])
            misses.append(f"  rank {rank or '>10'}: {query!r} -> {shown}")
    return found_at_3 / len(QUERIES), reciprocal / len(QUERIES), first, misses


@pytest.mark.perf
@pytest.mark.django_db
def test_relevance_on_residents_queries():
    call_command("load_demo", stdout=io.StringIO())
    assert len(QUERIES) >= 60
    vendor = connection.vendor
    hit3, mrr, first, misses = evaluate(database_backend())
    print(f"\nBENCH search relevance ({vendor}, {len(QUERIES)} queries): hit@3 {hit3:.1%}, MRR {mrr:.3f}")
    print("\n".join(misses))

    RESULTS_DIR.mkdir(exist_ok=True)
    # Compared by kind and title: primary keys (and so keys and some URLs) differ between databases.
    urls = first
    (RESULTS_DIR / f"search-first-results-{vendor}.json").write_text(
        json.dumps(urls, indent=1, sort_keys=True)
    )
    other = "postgresql" if vendor == "sqlite" else "sqlite"
    other_file = RESULTS_DIR / f"search-first-results-{other}.json"
    if other_file.exists():
        theirs = json.loads(other_file.read_text())
        common = [q for q in urls if q in theirs]
        same = sum(1 for q in common if urls[q] == theirs[q])
        share = same / len(common) if common else 0.0
        print(f"BENCH same first result on {vendor} and {other}: {same}/{len(common)} ({share:.1%})")
        for query in common:
            if urls[query] != theirs[query]:
                print(f"  differs: {query!r}: {urls[query]} ({vendor}) / {theirs[query]} ({other})")
        assert share >= MIN_SAME_FIRST

    elastic = elasticsearch_backend()
    if elastic is not None:
        call_command("rebuild_search_index", stdout=io.StringIO())
        e_hit3, e_mrr, e_first, e_misses = evaluate(elastic)
        same = sum(1 for q in first if first[q] == e_first[q])
        print(f"BENCH search relevance (elasticsearch): hit@3 {e_hit3:.1%}, MRR {e_mrr:.3f}")
        print(f"BENCH same first result on {vendor} and elasticsearch: {same}/{len(first)}")
        print("\n".join(e_misses))

    assert hit3 >= MIN_HIT_AT_3
    assert mrr >= MIN_MRR

"""Benchmarks of the marketplace (make bench): the list page and matching with 5,000 listings."""

import statistics
import time
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from marketplace import selectors
from marketplace.models import LIFETIME, Area, Category, Listing, When
from tests.factories import UserFactory

pytestmark = [pytest.mark.perf, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _only_in_make_bench(request):
    """Benchmarks run through `make bench` (-m perf), never in the normal suite."""
    if "perf" not in (request.config.getoption("-m") or ""):
        pytest.skip("benchmark: run with make bench")


WORDS = [
    "boodschappen",
    "lamp",
    "ladder",
    "tuin",
    "heg",
    "computer",
    "telefoon",
    "brief",
    "wandelen",
    "koffie",
    "koken",
    "fiets",
    "oppas",
    "huiswerk",
    "markt",
    "dokter",
    "formulier",
    "verhuizen",
]


def make_listings(n: int, *, kind: str | None = None) -> None:
    owners = [UserFactory() for _ in range(20)]
    now = timezone.now()
    categories, areas, whens = Category.values, Area.values, When.values
    rows = []
    for i in range(n):
        created = now - timedelta(minutes=i * 7)
        rows.append(
            Listing(
                owner=owners[i % len(owners)],
                kind=kind or ("vraag" if i % 2 else "aanbod"),
                category=categories[i % len(categories)],
                area=areas[i % len(areas)],
                when=whens[i % len(whens)],
                title=f"{WORDS[i % len(WORDS)]} en {WORDS[(i * 7) % len(WORDS)]} {i}",
                text=" ".join(WORDS[(i + k) % len(WORDS)] for k in range(6)),
                created_at=created,
                shown_at=created,
                expires_at=created + LIFETIME,
            )
        )
    Listing.objects.bulk_create(rows, batch_size=1000)


def median_ms(run, times: int = 30) -> float:
    run()  # warm up
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def test_bench_listing_page_with_5000_listings():
    make_listings(5000)
    client = Client()
    median = median_ms(lambda: client.get("/vraag-en-aanbod/?soort=vraag"))
    print(f"\n/vraag-en-aanbod/ (5,000 listings): median {median:.1f} ms over 30 runs")
    assert median < 2000


def test_bench_ranking_one_vraag_against_5000_offers():
    make_listings(5000, kind="aanbod")
    vraag = Listing.objects.create(
        owner=UserFactory(),
        kind="vraag",
        category="klussen",
        area="noord",
        when="weekend",
        title="Lamp ophangen",
        text="Ik heb geen ladder en geen boormachine",
    )
    result = []
    median = median_ms(lambda: result.append(selectors.matches_for(listing=vraag)))
    print(f"\nmatching one vraag against 5,000 offers: median {median:.1f} ms over 30 runs")
    assert len(result[-1]) == 5
    assert median < 5000

"""How fast /verhalen/ answers with many stories, and how many queries it takes."""

import statistics
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from stories.models import StoryPage
from tests.stories.factories import EditionFactory, ImageFactory, ThemeFactory, story_index

pytestmark = [pytest.mark.perf, pytest.mark.django_db]

STORIES = 300
RUNS = 30


@pytest.fixture(autouse=True)
def _only_in_make_bench(request):
    """Benchmarks run with `-m perf` (make bench), not in the normal suite."""
    if "perf" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("benchmark: run it with make bench")


def test_story_listing_with_many_stories(client):
    index = story_index()
    theme, edition = ThemeFactory(), EditionFactory()
    images = [ImageFactory() for _ in range(10)]
    for n in range(STORIES):
        story = StoryPage(
            title=f"Verhaal {n}",
            slug=f"bench-{n}",
            intro="Een verhaal uit de wijk.",
            body=[("paragraph", RichText("<p>Tekst.</p>"))],
            hero_image=images[n % 10],
            hero_alt="Een getekende foto",
            author_name="Ria",
            edition=edition,
        )
        story.themes.set([theme])
        index.add_child(instance=story)
    client.get("/verhalen/")  # make the renditions once
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(f"/verhalen/?thema={theme.slug}")
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/verhalen/?thema={theme.slug}")
    count = len(queries)
    median = statistics.median(timings)
    print(f"\nverhalen listing ({STORIES} stories): median {median:.1f} ms over {RUNS} runs, {count} queries")
    assert median < 2000
    assert count < 30

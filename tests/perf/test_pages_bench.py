"""Server time per page on the embedded default with a district as large as the demo (DESIGN.md budget: median under 50 ms)."""

from pathlib import Path

import pytest
from django.test import Client

from tests.perf.conftest import measure, report

pytestmark = [pytest.mark.perf, pytest.mark.django_db]

PAGES = [
    "/",
    "/agenda/",
    "/vraag-en-aanbod/",
    "/verhalen/",
    "/zoeken/?q=koffie",
    "/organisaties/",
    "/inloopspreekuren/",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_server_time_with_district_data(district, path):
    client = Client()
    first = client.get(path)
    assert first.status_code == 200, path
    result = measure(lambda: client.get(path), runs=30)
    report(f"page {path} (district data, anonymous)", result, budget_ms=50)
    assert result["median"] < 1000


def test_home_page_weight_first_visit(district):
    """Home page first visit: HTML + CSS + JS, uncompressed (budget 150 KB transferred)."""
    import re

    from django.contrib.staticfiles import finders

    html = Client().get("/").content
    total = len(html)
    for ref in re.findall(rb'(?:href|src)="/static/([^"]+)"', html):
        path = finders.find(ref.decode())
        if path and not ref.endswith(b".svg"):
            total += Path(path).stat().st_size
    print(f"\nBENCH home page first visit: {total / 1024:.1f} KB uncompressed (budget 150 KB)")
    assert total < 150 * 1024

"""Done means, on the demo data of every app: other words, typos and suggestions find the right things."""

import io

import pytest
from django.core.management import call_command


def hits(client, query: str) -> list:
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    results = response.context["results"]
    return results.hits if results else []


@pytest.mark.django_db
def test_demo_search_finds_what_residents_mean(client):
    call_command("load_demo", stdout=io.StringIO())

    # A typo still finds the walk-in hour of Schuldhulp.
    typo = hits(client, "shuldhulp")
    assert any(h.doc_type == "walk_in" and "inloop-schuldhulp" in h.url for h in typo)

    # Another word for debts finds activities and walk-in hours about geldzaken.
    worries = hits(client, "geldzorgen")
    assert {h.doc_type for h in worries} >= {"walk_in", "activity"}
    assert all(h.category in {"geldzaken", "werk-inkomen", "wonen", ""} for h in worries)
    assert any(h.category == "geldzaken" and h.doc_type == "activity" for h in worries)

    # "dokter" finds what is written as "huisarts".
    doctor = hits(client, "dokter")
    assert any("huisarts" in h.title.lower() and h.doc_type == "activity" for h in doctor)
    assert any("huisarts" in h.title.lower() and h.doc_type == "story" for h in doctor)

    # The search box completes "koff" to koffie.
    suggestions = client.get("/zoeken/suggesties/", {"q": "koff"}).json()["suggestions"]
    assert suggestions and all("koffie" in s["text"].lower() for s in suggestions)
    assert all(s["url"].startswith("/") for s in suggestions)

    # Nonsense finds nothing, and says so.
    assert hits(client, "xqzvbrtplm") == []
    assert client.get("/zoeken/suggesties/", {"q": "xqzvbrtplm"}).json() == {"suggestions": []}

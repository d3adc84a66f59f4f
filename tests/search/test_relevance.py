"""On the demo content: residents' words find what they mean, the same on SQLite and PostgreSQL.

Run with DATABASE_URL=postgres://… for the PostgreSQL variant (CI does).
"""

import io
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection  # noqa: F401 (read by skipif)
from django.urls import reverse

from search.analysis import plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def top3(client, query: str) -> list:
    response = client.get(reverse("search:search"), {"q": query})
    assert response.status_code == 200
    return response.context["results"].hits[:3]


def test_residents_words_find_what_they_mean_in_the_first_three(client, demo):
    # A plural that the stemmer must join with "spreekuur" in "Inloopspreekuur" (a compound).
    assert {h.doc_type for h in top3(client, "spreekuren")} == {"walk_in"}
    # A compound plural: taal + lessen.
    assert {"Taalcafé", "Samen Nederlands oefenen"} & {h.title for h in top3(client, "taallessen")}
    # A synonym: the activity says diabetes.
    assert "Voorlichting over diabetes" in {h.title for h in top3(client, "suikerziekte")}
    # Loneliness is written as ontmoeten and gezelschap.
    lonely = top3(client, "eenzaam")
    assert all(h.category in {"ontmoeten", "gezelschap"} or h.title == "ONS Welzijn" for h in lonely)
    # A diminutive: klusjes ~ klussen.
    assert "Kleine klussen in huis" in {h.title for h in top3(client, "klusjes")}
    # An organisation whose name is the query comes first, before everything that mentions it.
    assert top3(client, "ggd")[0].title == "GGD Hart voor Brabant"
    assert top3(client, "brabant zorg")[0].title == "BrabantZorg"


def test_a_sentence_finds_help_with_money(client, demo):
    titles = {h.title for h in top3(client, "ik kan mijn rekeningen niet betalen")}
    assert titles & {"Schuldhulp Oss", "Inloopspreekuur geldzaken", "Inloop geldzaken op donderdag"}


def test_best_hits_come_first_across_types(client, demo):
    response = client.get(reverse("search:search"), {"q": "ggd"})
    html = response.content.decode()
    best = response.context["best"]
    assert best[0].title == "GGD Hart voor Brabant"
    assert html.index("Beste resultaten") < html.index("GGD Hart voor Brabant") < html.index('id="soort-')


def test_suggestions_forgive_a_typo(client, demo):
    found = client.get(reverse("search:suggestions"), {"q": "shuld"}).json()["suggestions"]
    texts = [s["text"].lower() for s in found]
    assert "schuldhulp" in texts
    assert all(s["url"].startswith("/") for s in found)


def test_nothing_found_says_did_you_mean_and_shows_walk_in_hours(client, demo):
    # Two typos in a short word: the search forgives one, the suggestion looks further.
    response = client.get(reverse("search:search"), {"q": "bimgp"})
    html = response.content.decode()
    assert response.context["results"].hits == []
    assert response.context["did_you_mean"] == "bingo"
    assert "Bedoelde u" in html and "?q=bingo" in html
    assert response.context["fallback"]
    assert "Hier kunt u terecht met uw vraag" in html


def test_nothing_close_shows_the_walk_in_hours_without_a_suggestion(client, demo):
    response = client.get(reverse("search:search"), {"q": "xqzvbrtplm"})
    assert response.context["did_you_mean"] == ""
    assert {h.doc_type for h in response.context["fallback"]} == {"walk_in"}


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_postgresql_dutch_configuration_finds_what_the_shared_analysis_finds(demo, monkeypatch):
    from search.backends import database

    backend = database.DatabaseBackend()

    def matching(query_plan):
        return {entry.key for entry, _ in backend.scored(query_plan)}

    def postgres_matching(query_plan):
        """The memory index swapped for PostgreSQL's own matches, so that both are scored the same way."""
        index = SimpleNamespace(find=lambda stems, limit: backend.postgres_matches(query_plan))
        with monkeypatch.context() as patch:
            patch.setattr(database, "_current_memory_index", lambda: index)
            return matching(query_plan)

    for query in ("spreekuren", "taallessen", "klusjes", "huisartsen", "eenzaamheid", "rekeningen betalen"):
        query_plan = plan(query, database.current_vocabulary())
        ours = matching(query_plan)
        theirs = postgres_matching(query_plan)
        assert ours and ours == theirs, query

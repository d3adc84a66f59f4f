import logging

import pytest
from django.urls import reverse

from search.indexing import rebuild_index
from search.models import SearchEntry
from tests.factories import OrganisationFactory
from tests.pages import html_of

pytestmark = pytest.mark.django_db


def hit_titles(response) -> list[str]:
    return [hit.title for hit in response.context["results"].hits]


@pytest.fixture
def indexed(db):
    OrganisationFactory(
        name="Buurthuis De Kastanje",
        slug="ons-huis",
        summary="Koffie, ontmoeten en spreekuren.",
        helps_with="Elke ochtend staat de koffie klaar.",
        help_topics=["ontmoeten"],
    )
    OrganisationFactory(schuldhulp=True, summary="Orde in uw geldzaken.")
    OrganisationFactory(name="Verborgen", slug="weg", summary="Koffie", is_active=False)
    rebuild_index()


def test_search_page_groups_results_with_counts(client, indexed):
    response = client.get(reverse("search:search"), {"q": "koffie"})
    html = html_of(response)
    assert "Buurthuis De Kastanje" in html
    assert 'Organisaties <span class="search-page__count">(1)</span>' in html
    assert "Verborgen" not in html
    assert response.context["results"].backend == "database"


def test_search_page_without_query_invites_a_search(client):
    response = client.get(reverse("search:search"))
    assert response.status_code == 200
    assert "Typ een woord" in response.content.decode()


def test_nothing_found_gives_a_friendly_way_on(client, indexed):
    response = client.get(reverse("search:search"), {"q": "xqzvbrtplm"})
    assert response.status_code == 200
    assert "We vonden niets" in response.content.decode()


def test_unknown_type_filter_is_ignored_with_a_message(client, indexed):
    response = client.get(reverse("search:search"), {"q": "koffie", "soort": "geheim"})
    assert response.status_code == 200
    assert "Deze soort kennen we niet" in response.content.decode()
    assert "Buurthuis De Kastanje" in response.content.decode()


def test_type_and_category_filters(client, indexed):
    response = client.get(reverse("search:search"), {"q": "koffie geldzaken", "onderwerp": "geldzaken"})
    html = response.content.decode()
    assert hit_titles(response) == ["Schuldhulp Oss"]
    assert "Schuldhulp Oss" in html and "Buurthuis De Kastanje" not in html
    # Each chip keeps the query and the other row's choice; the first chip of a row drops its own.
    kind_chip = 'href="?q=koffie%20geldzaken&amp;soort=organisation&amp;onderwerp=geldzaken"'
    assert kind_chip in html
    assert 'href="?q=koffie%20geldzaken&amp;onderwerp=geldzaken" aria-current="true">Alles</a>' in html
    assert 'href="?q=koffie%20geldzaken">Alle onderwerpen</a>' in html
    response = client.get(reverse("search:search"), {"q": "koffie", "soort": "story"})
    assert response.context["results"].hits == []
    assert response.context["results"].type_counts == {"organisation": 1}


def test_category_names_are_in_the_language_of_the_page(client, indexed, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("search:search"), {"q": "koffie"})
    html = response.content.decode()
    labels = {label for label, _count in response.context["results"].category_counts.values()}
    assert "Meeting people" in labels, labels
    assert ">Ontmoeten<" not in html


def test_unknown_category_is_ignored_with_a_message(client, indexed):
    response = client.get(reverse("search:search"), {"q": "koffie", "onderwerp": "bestaat-niet"})
    html = response.content.decode()
    assert "Voor dit onderwerp vonden we niets" in html and "Buurthuis De Kastanje" in html


@pytest.mark.parametrize(
    "query", ["x" * 5000, '"koffie"', "<script>alert('x')</script>", "koffie ☕ ünïcode 漢字", "%'--"]
)
def test_odd_queries_answer_200_and_escape_the_text(client, indexed, query):
    response = client.get(reverse("search:search"), {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
    suggest = client.get(reverse("search:suggestions"), {"q": query})
    assert suggest.status_code == 200
    assert "suggestions" in suggest.json()


def test_nul_in_the_query_answers_a_dutch_400(client, indexed):
    """PostgreSQL cannot compare a text with a NUL character: every page refuses it the same way."""
    for name in ("search:search", "search:suggestions"):
        response = client.get(reverse(name), {"q": "koffie\x00"})
        assert response.status_code == 400
        assert "Uw invoer bevat een teken dat niet kan" in response.content.decode()


def test_suggestions_answer_json_with_text_and_url(client, indexed):
    response = client.get(reverse("search:suggestions"), {"q": "schuld"})
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "suggestions": [{"text": "Schuldhulp Oss", "url": "/organisaties/schuldhulp/"}]
    }
    assert client.get(reverse("search:suggestions"), {"q": "s"}).json() == {"suggestions": []}


def test_search_box_works_without_javascript(client, indexed):
    home = client.get(reverse("search:search"))
    html = home.content.decode()
    assert 'action="/zoeken/"' in html and 'name="q"' in html


def test_closed_elasticsearch_port_falls_back_to_the_database(
    client, indexed, settings, closed_port_url, caplog
):
    settings.ELASTICSEARCH_URL = closed_port_url
    with caplog.at_level(logging.WARNING, logger="search"):
        response = client.get(reverse("search:search"), {"q": "koffie"})
    assert response.status_code == 200
    assert response.context["results"].backend == "database"
    assert "Buurthuis De Kastanje" in response.content.decode()
    assert any("falls back to the database" in r.getMessage() for r in caplog.records)
    suggest = client.get(reverse("search:suggestions"), {"q": "koff"})
    assert suggest.status_code == 200


def test_indexing_with_elasticsearch_down_still_fills_the_database(
    settings, closed_port_url, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = closed_port_url
    with django_capture_on_commit_callbacks(execute=True):
        OrganisationFactory(name="Repair Café", slug="repair-cafe", summary="Samen spullen maken.")
    assert SearchEntry.objects.filter(title="Repair Café").exists()


def test_search_page_queries_are_bounded(client, indexed, django_assert_max_num_queries):
    for n in range(20):
        OrganisationFactory(name=f"Koffiehuis {n}", slug=f"koffiehuis-{n}", summary="Koffie")
    rebuild_index()
    with django_assert_max_num_queries(8):
        response = client.get(reverse("search:search"), {"q": "koffie"})
    assert len(response.context["results"].hits) == 21


def test_an_activity_in_the_results_says_when_it_is_next_on(client):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    import time_machine

    from activities.models import Occurrence
    from tests.activities.factories import ActivityFactory

    now = datetime(2026, 12, 3, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))  # a Thursday
    with time_machine.travel(now, tick=False):
        koor = ActivityFactory(
            title="Zingen in het buurtkoor",
            starts_at=now.replace(day=1, hour=19, minute=30),
            rrule="FREQ=WEEKLY",
        )
        ActivityFactory(title="Zingen met de kleintjes", starts_at=now.replace(hour=9), rrule="")  # over
        on_now = ActivityFactory(
            title="Zingen in de zon", starts_at=now.replace(hour=11, minute=30), rrule=""
        )
        rebuild_index()
        next_week = koor.occurrences.get(start__date="2026-12-08")
        response = client.get(reverse("search:search"), {"q": "zingen"})
        assert "Volgende keer: dinsdag 8 december, 19:30–21:30 uur" in html_of(response)
        next_at = {hit.title: hit.next_at for hit in response.context["results"].hits}
        assert next_at == {
            "Zingen in het buurtkoor": next_week.start,
            "Zingen met de kleintjes": None,
            "Zingen in de zon": on_now.starts_at,  # on until half past one: still to go to
        }

        Occurrence.objects.filter(pk=next_week.pk).update(is_cancelled=True, reason="Kerstconcert")
        html = html_of(client.get(reverse("search:search"), {"q": "zingen"}))
        assert "Volgende keer: dinsdag 15 december, 19:30–21:30 uur" in html


def test_a_few_results_of_one_kind_are_shown_once_not_also_as_best(client, indexed):
    html = html_of(client.get(reverse("search:search"), {"q": "koffie"}))  # one organisation
    assert "Beste resultaten" not in html and html.count(">Buurthuis De Kastanje</a>") == 1

"""Bad input answers a clear Dutch 4xx, never a 500: NUL characters, dates in year 9999."""

from datetime import date

import pytest
from django.urls import URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter

from activities.recurrence import expand
from core.converters import IdConverter
from tests.activities.factories import ActivityFactory
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

MESSAGE = "Uw invoer bevat een teken dat niet kan"


@pytest.mark.parametrize(
    "url",
    [
        "/agenda/?categorie=%00",
        "/agenda/?wanneer=2026%0012",
        "/zoeken/?q=koffie%00",
        "/zoeken/suggesties/?q=%00",
        "/vraag-en-aanbod/?categorie=klussen%00",
        "/inloopspreekuren/?q%00=1",
    ],
)
def test_nul_in_a_query_parameter_is_a_dutch_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()


def test_nul_in_a_form_field_is_a_dutch_400(client_for, resident):
    response = client_for(resident).post("/mijn/naam/", {"display_name": "Fat\x00ma"})
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    resident.refresh_from_db()
    assert resident.display_name == "Fatma"


def test_control_characters_leave_what_is_typed_and_the_feeds_stay_valid(client_for, resident):
    client_for(resident).post("/mijn/naam/", {"display_name": "Fat\x1b[31mma\u202e"})
    resident.refresh_from_db()
    assert resident.display_name == "Fat[31mma"  # the escape and the turn-around mark are gone
    from stories.services import submit_story
    from tests.stories.factories import story_index

    story = submit_story(
        author=resident, index=story_index(), title="Koken", text="Samen koken.", publication_consent=True
    )
    story.title = "a\x01b"  # as it could have been stored before: the feed still answers
    story.save_revision().publish()
    feed = client_for(resident).get("/verhalen/feed/")
    assert feed.status_code == 200 and "<title>ab</title>" in feed.content.decode()


def test_series_ending_in_year_9999_is_refused(client_for, professional):
    membership = MembershipFactory(user=professional)
    hour = ActivityFactory(
        kind="walk_in", topic="Werk", rrule="FREQ=WEEKLY", organisation=membership.organisation
    )
    response = client_for(professional).post(
        f"/agenda/{hour.slug}/reeks-stoppen/", {"last_day": "9999-12-31"}
    )
    assert response.status_code == 400
    assert "Kies een datum binnen 5 jaar" in response.content.decode()
    hour.refresh_from_db()
    assert hour.ends_on is None


def test_the_schedule_engine_survives_the_last_day_of_the_calendar():
    from django.utils import timezone

    now = timezone.now()
    starts = expand(
        starts_at=now,
        rule="FREQ=WEEKLY",
        ends_on=date.max,
        window_start=now,
        window_end=now + timezone.timedelta(days=15),
    )
    assert len(starts) in (2, 3)


@pytest.mark.django_db
def test_opening_a_form_address_explains_itself_instead_of_a_blank_page(client_for, resident):
    from django.urls import reverse

    from tests.pages import text_of, titles_of

    response = client_for(resident).get(reverse("notifications:read_all"))
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert titles_of(response.content.decode())[1] == "Deze pagina opent u niet zo"
    assert "Dit adres is er alleen om een formulier te versturen." in text_of(response)


def test_a_form_without_its_token_gets_a_dutch_page(resident):
    from django.test import Client

    from tests.pages import text_of, titles_of

    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)
    response = client.post("/mijn/naam/", {"display_name": "Ans"})
    assert response.status_code == 403
    assert titles_of(response.content.decode())[1] == "Dit formulier is verlopen"
    assert "laad de pagina opnieuw" in text_of(response) and "Forbidden" not in text_of(response)


def test_a_request_id_with_a_newline_is_replaced_not_an_error(client):
    response = client.get("/", headers={"X-Request-ID": "a\nb"})
    assert response.status_code == 200
    assert "\n" not in response["X-Request-ID"] and len(response["X-Request-ID"]) == 32
    assert client.get("/", headers={"X-Request-ID": "proxy-123"})["X-Request-ID"] == "proxy-123"


def _patterns(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        else:
            yield prefix + str(entry.pattern), entry.callback.__module__, entry.pattern.converters


OUR_APPS = (
    "activities",
    "marketplace",
    "stories",
    "search",
    "accounts",
    "home",
    "moderation",
    "notices",
    "notifications",
    "organisations",
    "core",
    "ops",
    "wijk",
)


def test_every_id_in_our_urls_is_an_id_not_an_int():
    """An `<int:>` id lets a 20-digit number reach the database; `<id:>` makes it a 404 first."""
    ours = [
        (route, converters)
        for route, module, converters in _patterns(get_resolver())
        if module.split(".")[0] in OUR_APPS and not route.startswith("admin/")  # Wagtail's routes
    ]
    id_routes = [
        route for route, converters in ours if any(isinstance(c, IdConverter) for c in converters.values())
    ]
    assert len(id_routes) >= 25
    assert [
        route for route, converters in ours if any(type(c) is IntConverter for c in converters.values())
    ] == []


@pytest.mark.parametrize(
    ("path", "found"),
    [
        ("/vraag-en-aanbod/9223372036854775807/", 9223372036854775807),
        ("/vraag-en-aanbod/9223372036854775808/", None),
        ("/vraag-en-aanbod/99999999999999999999/", None),
    ],
)
def test_an_id_beyond_what_a_database_holds_matches_no_id_route(path, found):
    match = resolve(path)  # a number that is no id falls through to the page tree, which has no such page
    assert (match.kwargs if match.url_name == "detail" else None) == ({"pk": found} if found else None)

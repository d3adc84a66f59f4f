"""/inloopspreekuren/: "nu open" first, then today, then the week (frozen clock)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.activities.factories import walk_in
from tests.factories import OrganisationFactory

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.django_db
def test_open_walk_in_is_shown_first_as_open_now(client):
    now = datetime(2026, 6, 10, 10, 30, tzinfo=AMS)
    with time_machine.travel(now, tick=False):
        schuldhulp = OrganisationFactory(name="Schuldhulp Oss", slug="schuldhulp")
        open_one = walk_in(
            title="Geldspreekuur",
            topic="Geldzaken",
            organisation=schuldhulp,
            starts_at=now.replace(hour=9, minute=0),
            rrule="FREQ=WEEKLY",
        )
        later = walk_in(
            title="Zorgspreekuur", topic="Zorg thuis", starts_at=now.replace(hour=14), rrule="FREQ=WEEKLY"
        )
        walk_in(title="Werkspreekuur", topic="Werk", starts_at=now + timedelta(days=2), rrule="FREQ=WEEKLY")
        response = client.get("/inloopspreekuren/")
    groups = response.context["groups"]
    assert [o.activity for o in groups["open_now"]] == [open_one]
    assert [o.activity for o in groups["today"]] == [later]
    assert [o.activity.title for o in groups["week"]][0] == "Werkspreekuur"
    html = response.content.decode()
    assert html.index("Nu open") < html.index("Geldzaken") < html.index("Zorg thuis") < html.index("Werk")
    assert "Schuldhulp Oss" in html and "Geen afspraak nodig" in html


@pytest.mark.django_db
def test_a_walk_in_that_began_before_midnight_is_open_after_it(client):
    now = datetime(2026, 6, 11, 0, 10, tzinfo=AMS)
    with time_machine.travel(now, tick=False):
        night = walk_in(
            title="Nachtspreekuur", starts_at=now - timedelta(minutes=40), duration=timedelta(hours=2)
        )
        groups = client.get("/inloopspreekuren/").context["groups"]
    assert [o.activity for o in groups["open_now"]] == [night]


@pytest.mark.django_db
def test_a_cancelled_walk_in_of_last_night_is_not_in_the_week(client):
    now = datetime(2026, 6, 11, 0, 10, tzinfo=AMS)
    with time_machine.travel(now, tick=False):
        night = walk_in(
            title="Nachtspreekuur",
            starts_at=now - timedelta(minutes=40),
            duration=timedelta(hours=2),
            rrule="",
        )
        night.occurrences.update(is_cancelled=True)
        groups = client.get("/inloopspreekuren/").context["groups"]
    assert all(o.activity != night for group in groups.values() for o in group)


@pytest.mark.django_db
def test_cancelled_walk_in_is_not_open_now(client, professional):
    from activities.services import cancel_occurrence

    now = datetime(2026, 6, 10, 10, 30, tzinfo=AMS)
    with time_machine.travel(now, tick=False):
        hour = walk_in(starts_at=now.replace(hour=9), owner=professional)
        cancel_occurrence(
            occurrence=hour.occurrences.order_by("start").first(),
            by=professional,
            reason="Vandaag geen inloop",
        )
        response = client.get("/inloopspreekuren/")
    assert response.context["groups"]["open_now"] == []
    assert "Vandaag geen inloop" in response.content.decode()


MAIN_WALK_INS = [
    # organisation slug, name, walk-in title, topic, weekday (0 = Monday), start, end
    ("schuldhulp", "Schuldhulp Oss", "Inloopspreekuur geldzaken", "Geldzaken en schulden", 0, 9, 12),
    (
        "werk-en-inkomen",
        "Werk en Inkomen Gemeente Oss",
        "Inloop werk en inkomen",
        "Werk en uitkering",
        1,
        9,
        12,
    ),
    ("brabantzorg", "BrabantZorg", "Inloopspreekuur zorg thuis", "Thuiszorg", 2, 10, 12),
    ("ggd", "GGD Hart voor Brabant", "Inloopspreekuur gezondheid", "Gezondheid", 4, 9, 11),
    ("sec", "Sport Educatie Centrum (SEC)", "Beweegspreekuur", "Sport en bewegen", 2, 13, 15),
    ("wijkagent", "Wijkagent Ruwaard", "Spreekuur wijkagent", "Veiligheid", 0, 16, 17),
]


@pytest.mark.django_db
def test_walk_ins_of_the_main_organisations_are_listed_and_the_open_one_is_on_the_home_page(client):
    monday_morning = datetime(2026, 6, 8, 10, 0, tzinfo=AMS)
    with time_machine.travel(monday_morning, tick=False):
        for slug, name, title, topic, weekday, start, end in MAIN_WALK_INS:
            walk_in(
                title=title,
                topic=topic,
                organisation=OrganisationFactory(name=name, slug=slug),
                starts_at=monday_morning.replace(hour=start) + timedelta(days=weekday),
                duration=timedelta(hours=end - start),
                rrule="FREQ=WEEKLY",
            )
        assert_main_walk_ins_shown_on_monday_morning(client)


def assert_main_walk_ins_shown_on_monday_morning(client):
    """The walk-in hours of the main organisations, and the open one on the home page (also the demo's)."""
    response = client.get("/inloopspreekuren/")
    home = client.get("/").content.decode()
    shown = {o.activity.organisation.slug for group in response.context["groups"].values() for o in group}
    assert {"schuldhulp", "werk-en-inkomen", "brabantzorg", "ggd", "sec"} <= shown
    assert [o.activity.organisation.slug for o in response.context["groups"]["open_now"]] == ["schuldhulp"]
    html = response.content.decode()
    assert "BrabantZorg" in html and "Werk en Inkomen" in html and "GGD" in html
    assert "Geldzaken en schulden" in home  # open now on the home page

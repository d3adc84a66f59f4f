"""/inloopspreekuren/: "nu open" first, then today, then the week (frozen clock)."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

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


@pytest.mark.django_db
def test_demo_walk_ins_cover_the_main_organisations(client):
    monday_morning = datetime(2026, 6, 8, 10, 0, tzinfo=AMS)
    with time_machine.travel(monday_morning, tick=False):
        call_command("load_demo", stdout=StringIO())
        response = client.get("/inloopspreekuren/")
        home = client.get("/").content.decode()
    shown = {o.activity.organisation.slug for group in response.context["groups"].values() for o in group}
    assert {"schuldhulp", "werk-en-inkomen", "brabantzorg", "ggd", "sec"} <= shown
    assert [o.activity.organisation.slug for o in response.context["groups"]["open_now"]] == ["schuldhulp"]
    html = response.content.decode()
    assert "BrabantZorg" in html and "Werk en Inkomen" in html and "GGD" in html
    assert "Geldzaken en schulden" in home  # open now on the home page

from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from home import impact
from marketplace.models import Listing
from notifications.services import notify
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_month_starts_cross_the_year():
    assert impact.month_starts(today=date(2026, 2, 14), months=4) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]


def test_impact_page_is_for_partners_only(client_for, client, resident, moderator):
    assert client.get("/impact/").status_code == 302  # to login
    assert client_for(resident).get("/impact/").status_code == 403
    assert client_for(resident).get("/impact/cijfers.csv").status_code == 403
    assert client_for(moderator).get("/impact/").status_code == 200
    member = MembershipFactory(organisation=OrganisationFactory(slug="ggd-test")).user
    assert client_for(member).get("/impact/").status_code == 200


def test_figures_count_per_month(client_for, moderator):
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 9, 10, 12)), tick=False):
        UserFactory(display_name="September")
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 11, 3, 12)), tick=False):
        UserFactory(display_name="November 1")
        UserFactory(display_name="November 2")
        owner = UserFactory()
        Listing.objects.create(
            owner=owner,
            kind="vraag",
            category="boodschappen",
            title="Boodschappen",
            text="Wie helpt?",
            expires_at=timezone.now() + timedelta(weeks=6),
        )
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 11, 20, 12)), tick=False):
        rows = impact.monthly_figures(months=3)
        assert [r["month"] for r in rows] == [date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)]
        by_month = {r["month"].month: r["values"] for r in rows}
        assert by_month[9]["new_accounts"] == 1
        assert by_month[10]["new_accounts"] == 0
        assert by_month[11]["asks"] == 1 and by_month[11]["offers"] == 0
        response = client_for(moderator).get("/impact/")
        html = response.content.decode()
        assert "Nieuwe accounts" in html and "Hulpvragen geplaatst" in html
        csv = client_for(moderator).get("/impact/cijfers.csv").content.decode()
    assert csv.splitlines()[0].startswith("maand;Nieuwe accounts;")
    assert any(line.startswith("2026-11;") for line in csv.splitlines())


def test_impact_numbers_hold_no_names(client_for, moderator, resident):
    notify(kind="test", user=resident, text="Henk reageerde", url="/")
    html = client_for(moderator).get("/impact/").content.decode()
    assert resident.email not in html and "Henk reageerde" not in html

"""Editors pin a result to a query (search.models.Promotion), also when the result is no page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from activities.models import Activity
from search.indexing import rebuild_index
from search.models import Promotion
from tests.activities.factories import ActivityFactory, walk_in
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    organisation = OrganisationFactory(
        name="Schuldhulp Oss", slug="schuldhulp", summary="Orde in uw schulden.", help_topics=["geldzaken"]
    )
    hour = walk_in(
        title="Inloop geldzaken", summary="Zonder afspraak langs met uw post.", category="geldzaken"
    )
    ActivityFactory(title="Geldcafé", summary="Praten over schulden en geldzaken.", category="geldzaken")
    rebuild_index()
    return {"organisation": organisation, "hour": hour}


def search(client, query):
    return client.get(reverse("search:search"), {"q": query})


def test_a_pinned_walk_in_hour_comes_first_for_its_query(client, content):
    Promotion.objects.create(
        query="Schulden", activity=content["hour"], note="Hier kunt u zonder afspraak terecht."
    )
    response = search(client, "schuld")  # another form of the same word
    best = response.context["best"]
    assert best[0].title == "Inloop geldzaken"
    assert best[0].summary == "Hier kunt u zonder afspraak terecht."
    html = response.content.decode()
    assert html.index("Tip van de redactie") < html.index("Inloop geldzaken")
    assert [h.title for h in best].count("Inloop geldzaken") == 1


def test_a_promotion_is_only_for_its_own_query(client, content):
    Promotion.objects.create(query="schulden", activity=content["hour"])
    response = search(client, "geldcafe")
    assert "Tip van de redactie" not in response.content.decode()


def test_a_pinned_result_the_visitor_may_not_see_is_left_out(client, content):
    Promotion.objects.create(query="schulden", activity=content["hour"])
    Activity.objects.filter(pk=content["hour"].pk).update(status=Activity.Status.DRAFT)
    response = search(client, "schulden")
    assert "Tip van de redactie" not in response.content.decode()
    assert all(h.title != "Inloop geldzaken" for h in response.context["best"])


def test_a_promotion_needs_exactly_one_target(content):
    with pytest.raises(ValidationError):
        Promotion(query="schulden").full_clean()
    with pytest.raises(ValidationError):
        Promotion(
            query="schulden", activity=content["hour"], organisation=content["organisation"]
        ).full_clean()
    with pytest.raises(ValidationError):
        Promotion(query="de het", organisation=content["organisation"]).full_clean()


def test_editors_manage_promotions_in_the_wagtail_admin(client, content):
    Promotion.objects.create(query="schulden", organisation=content["organisation"])
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = client.get("/admin/snippets/search/promotion/")
    assert listing.status_code == 200
    assert "schulden" in listing.content.decode()
    assert client.get("/admin/snippets/search/promotion/add/").status_code == 200

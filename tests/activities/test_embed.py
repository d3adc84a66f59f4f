"""/agenda/insluiten/: the agenda on partner websites, framed only by the configured origins."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.activities.factories import ActivityFactory
from tests.factories import OrganisationFactory

PARTNERS = ["https://www.onswelzijn.example", "https://wijkraad.example"]


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.fixture
def agenda(db):
    ons = OrganisationFactory(name="ONS Welzijn", slug="ons-welzijn")
    soon = timezone.now() + timedelta(hours=3)
    ActivityFactory(title="Koffie-inloop", organisation=ons, category="ontmoeten", starts_at=soon)
    ActivityFactory(title="Gym voor ouderen", organisation=ons, category="bewegen", starts_at=soon)
    ActivityFactory(title="Kledingruil", category="ontmoeten", starts_at=soon)


def test_frame_ancestors_names_exactly_the_configured_origins(client, agenda, settings):
    settings.EMBED_ALLOWED_ORIGINS = PARTNERS
    response = client.get("/agenda/insluiten/")
    assert directives(response)["frame-ancestors"] == PARTNERS
    assert "X-Frame-Options" not in response


def test_nobody_may_frame_it_without_configured_origins(client, agenda, settings):
    settings.EMBED_ALLOWED_ORIGINS = []
    response = client.get("/agenda/insluiten/")
    assert directives(response)["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_other_pages_stay_unframeable(client, agenda, settings):
    settings.EMBED_ALLOWED_ORIGINS = PARTNERS
    response = client.get("/agenda/")
    assert directives(response)["frame-ancestors"] == ["'none'"] and response["X-Frame-Options"] == "DENY"


def test_filters_by_category_and_organisation_and_links_open_outside_the_frame(client, agenda, settings):
    settings.SITE_URL = "https://wijk.example"
    html = client.get("/agenda/insluiten/?categorie=ontmoeten&organisatie=ons-welzijn").content.decode()
    assert "Koffie-inloop" in html and "Gym voor ouderen" not in html and "Kledingruil" not in html
    assert 'href="https://wijk.example/agenda/' in html
    links = html.split("<a ")[1:]
    assert links and all('target="_blank"' in link or 'target="_top"' in link for link in links)


def test_unknown_organisation_is_named_not_an_error(client, agenda):
    response = client.get("/agenda/insluiten/?organisatie=bestaat-niet")
    assert response.status_code == 200 and "bestaat-niet" in response.content.decode()


def test_malformed_origins_never_reach_the_policy(client, agenda, settings):
    settings.EMBED_ALLOWED_ORIGINS = [
        "https://partner.example/",
        "*",
        "'unsafe-inline'",
        "https://a.example; script-src *",
    ]
    assert directives(client.get("/agenda/insluiten/"))["frame-ancestors"] == ["https://partner.example"]


def test_partner_script_places_the_embedded_agenda(client, settings):
    settings.SITE_URL = "https://wijk.example"
    response = client.get("/agenda/insluiten.js")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/javascript")
    assert '"https://wijk.example/agenda/insluiten/"' in body
    assert 'document.createElement("iframe")' in body and "organisatie" in body


def test_professional_finds_the_snippet_for_their_organisation(client_for, db):
    from tests.factories import MembershipFactory

    membership = MembershipFactory()
    html = client_for(membership.user).get("/agenda/importeren/").content.decode()
    assert f'data-organisatie="{membership.organisation.slug}"' in html

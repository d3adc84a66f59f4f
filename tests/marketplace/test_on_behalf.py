"""A professional or volunteer posts a vraag for a resident who is not online."""

import pytest

from marketplace.models import Listing

BASE = {
    "kind": "vraag",
    "category": "boodschappen",
    "title": "Boodschappen voor mevrouw",
    "when": "ochtend",
    "area": "noord",
}


@pytest.mark.django_db
@pytest.mark.parametrize("helper_fixture", ["professional", "volunteer"])
def test_on_behalf_records_consent_and_shows_helper_as_contact(helper_fixture, request, client, client_for):
    helper = request.getfixturevalue(helper_fixture)
    if helper_fixture == "volunteer":
        from .factories import ListingFactory

        ListingFactory(owner=helper)  # a known poster
    form = client_for(helper).get("/vraag-en-aanbod/nieuw/").content.decode()
    assert 'name="on_behalf"' in form and 'name="consent"' in form
    response = client_for(helper).post(
        "/vraag-en-aanbod/nieuw/",
        {
            **BASE,
            "on_behalf": "on",
            "on_behalf_name": "Mevrouw Jansen",
            "consent": "on",
        },
    )
    listing = Listing.objects.get(title=BASE["title"])
    assert response.status_code == 302
    assert listing.owner == helper and listing.consent_at is not None and listing.is_on_behalf
    page = client.get(listing.get_absolute_url()).content.decode()
    assert f"{helper.public_name} plaatst dit voor een bewoner, met diens toestemming" in page
    assert "Mevrouw Jansen" not in page and "Jansen" not in client.get("/vraag-en-aanbod/").content.decode()
    assert "(voor een bewoner)" in client.get("/vraag-en-aanbod/").content.decode()


@pytest.mark.django_db
def test_on_behalf_without_consent_is_refused(professional, client_for):
    response = client_for(professional).post(
        "/vraag-en-aanbod/nieuw/",
        {
            **BASE,
            "on_behalf": "on",
            "on_behalf_name": "Mevrouw Jansen",
        },
    )
    assert response.status_code == 400
    assert "Vraag eerst toestemming aan de bewoner." in response.content.decode()
    assert not Listing.objects.exists()


@pytest.mark.django_db
def test_resident_cannot_post_on_behalf(resident, client_for):
    from .factories import ListingFactory

    ListingFactory(owner=resident)
    client_for(resident).post(
        "/vraag-en-aanbod/nieuw/",
        {
            **BASE,
            "on_behalf": "on",
            "on_behalf_name": "Buurvrouw",
            "consent": "on",
        },
    )
    listing = Listing.objects.get(title=BASE["title"])
    assert not listing.is_on_behalf and listing.on_behalf_name == ""

"""The demo directory holds the district's partners, with what they help with."""

import io

import pytest
from django.core.management import call_command

from organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_directory_lists_the_districts_organisations_with_what_they_help_with(client):
    call_command("load_demo", stdout=io.StringIO())
    html = client.get("/organisaties/").content.decode()
    organisations = Organisation.objects.active()
    assert organisations.count() >= 12
    for organisation in organisations:
        assert organisation.name.replace("'", "&#x27;") in html
        assert organisation.get_absolute_url() in html
    for name in ["GGD", "ONS Welzijn", "BrabantWonen", "BrabantZorg", "Schuldhulp", "Wijkagent", "Rucrea"]:
        assert name in html
    assert "Geldzaken" in html and "Werk &amp; inkomen" in html
    assert (
        Organisation.objects.get(slug="ons-welzijn")
        .memberships.filter(user__email="professional@example.org", role="admin")
        .exists()
    )

"""The demo directory holds the district's partners, with what they help with."""

import io

import pytest
from django.core.management import call_command

from organisations.models import Organisation
from tests.organisations.test_directory import assert_directory_shows_the_district

pytestmark = pytest.mark.django_db


def test_directory_lists_the_districts_organisations_with_what_they_help_with(client):
    call_command("load_demo", stdout=io.StringIO())
    assert_directory_shows_the_district(client)
    assert (
        Organisation.objects.get(slug="ons-welzijn")
        .memberships.filter(user__email="professional@example.org", role="admin")
        .exists()
    )

import pytest

from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_staff_manage_organisations_in_the_wagtail_admin(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    OrganisationFactory(name="Schuldhulp Oss", slug="schuldhulp")
    client.force_login(admin)
    listing = client.get("/admin/snippets/organisations/organisation/")
    assert listing.status_code == 200
    assert "Schuldhulp Oss" in listing.content.decode()
    users = client.get("/admin/users/")
    assert users.status_code == 200
    assert admin.email in users.content.decode()


def test_resident_has_no_access_to_the_admin(client, resident):
    client.force_login(resident)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)

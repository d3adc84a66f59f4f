"""The Wagtail admin manages activities through snippet viewsets with filters."""

import pytest

from activities.models import Activity
from tests.activities.factories import ActivityFactory
from tests.factories import UserFactory


@pytest.mark.django_db
def test_admin_lists_and_filters_activities(client_for):
    admin = UserFactory(is_superuser=True, is_staff=True)
    ActivityFactory(title="Koffieochtend")
    ActivityFactory(title="Wacht op moderator", status=Activity.Status.PENDING)
    client = client_for(admin)
    html = client.get("/admin/snippets/activities/activity/").content.decode()
    assert "Koffieochtend" in html and "Wacht op moderator" in html
    filtered = client.get("/admin/snippets/activities/activity/?status=pending").content.decode()
    assert "Wacht op moderator" in filtered and "Koffieochtend" not in filtered

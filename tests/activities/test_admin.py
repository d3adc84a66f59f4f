"""The Wagtail admin manages activities through snippet viewsets with filters."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity
from notifications.models import Notification
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


def admin_form_data(activity, **changes):
    data = {
        "title": activity.title,
        "slug": activity.slug,
        "summary": activity.summary,
        "description": activity.description,
        "kind": activity.kind,
        "category": activity.category,
        "status": activity.status,
        "audiences": json.dumps(activity.audiences),
        "topic": activity.topic,
        "no_appointment_needed": "on",
        "what_to_bring": "",
        "organisation": "",
        "location": activity.location_id,
        "cost": "",
        "registration": activity.registration,
        "registration_detail": "",
        "image": "",
        "image_alt": "",
        "starts_at": timezone.localtime(activity.starts_at).strftime("%Y-%m-%d %H:%M"),
        "duration": "02:00:00",
        "rrule": activity.rrule,
        "exdates": json.dumps(activity.exdates),
        "ends_on": "",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_approving_in_the_admin_notifies_the_owner(client_for, resident, django_capture_on_commit_callbacks):
    admin = UserFactory(is_superuser=True, is_staff=True)
    activity = ActivityFactory(title="Buurtbarbecue", owner=resident, status=Activity.Status.PENDING)
    url = reverse("wagtailsnippets_activities_activity:edit", args=[activity.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(admin).post(url, admin_form_data(activity, status="published"))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    activity.refresh_from_db()
    assert activity.status == Activity.Status.PUBLISHED
    notification = Notification.objects.get(user=resident)
    assert notification.text == "Uw activiteit „Buurtbarbecue” staat nu in de agenda."
    assert notification.url == activity.get_absolute_url() == "/agenda/" + activity.slug + "/"


@pytest.mark.django_db
def test_editing_in_the_admin_replans_the_dates(client_for):
    admin = UserFactory(is_superuser=True, is_staff=True)
    activity = ActivityFactory(title="Koffie", rrule="")
    assert activity.occurrences.count() == 1
    url = reverse("wagtailsnippets_activities_activity:edit", args=[activity.pk])
    response = client_for(admin).post(url, admin_form_data(activity, rrule="FREQ=WEEKLY", title="Koffie!"))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Koffie!" and activity.occurrences.count() >= 10
    assert not Notification.objects.exists()  # no owner, nobody to tell

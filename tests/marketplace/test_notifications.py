"""Volunteers who opted in hear about matching vragen; the e-mail digest goes at most daily."""

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from marketplace import services
from notifications.models import Notification
from tests.factories import UserFactory

from .factories import ListingFactory


def post(owner, **extra):
    data = {
        "kind": "vraag",
        "category": "tuin",
        "title": "Heg knippen",
        "text": "",
        "when": "altijd",
        "area": "noord",
        **extra,
    }
    return services.create_listing(owner=owner, **data)


@pytest.mark.django_db
def test_opted_in_volunteer_is_told_about_matching_vraag(volunteer, professional, resident):
    services.save_preference(user=volunteer, notify=True, categories=["tuin"], area="noord", digest=False)
    services.save_preference(user=professional, notify=False, categories=[], area="heel", digest=False)
    ListingFactory(owner=resident)
    post(resident)
    post(resident, category="klussen", title="Kast in elkaar zetten")
    post(resident, area="zuid", title="Gras maaien")
    post(resident, kind="aanbod", title="Ik help in de tuin")
    assert list(Notification.objects.filter(user=volunteer).values_list("text", flat=True)) == [
        "Een nieuwe vraag past bij u: Heg knippen"
    ]
    assert not Notification.objects.filter(user=professional).exists()


@pytest.mark.django_db
def test_pending_vraag_tells_volunteers_only_after_approval(volunteer, resident, moderator):
    services.save_preference(user=volunteer, notify=True, categories=[], area="heel", digest=False)
    listing = post(resident)
    assert listing.is_pending and not Notification.objects.filter(user=volunteer).exists()
    services.approve_listing(listing=listing, by=moderator)
    assert Notification.objects.filter(user=volunteer, text__endswith="Heg knippen").exists()


@pytest.mark.django_db
def test_digest_mail_at_most_daily(volunteer, resident, django_capture_on_commit_callbacks):
    services.save_preference(user=volunteer, notify=True, categories=["tuin"], area="heel", digest=True)
    services.save_preference(user=UserFactory(), notify=True, categories=[], area="heel", digest=False)
    ListingFactory(owner=resident, title="Oud", category="klussen")
    with time_machine.travel("2026-03-02 08:00 +0100", tick=False):
        post(resident, title="Heg knippen")
        post(resident, category="koken", title="Samen koken")
    with time_machine.travel("2026-03-02 20:00 +0100", tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("marketplace_daily", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [volunteer.email]
        assert "Heg knippen" in mail.outbox[0].body and "Samen koken" not in mail.outbox[0].body
    with time_machine.travel("2026-03-02 21:00 +0100", tick=False):
        post(resident, title="Bladeren harken")
    with time_machine.travel("2026-03-03 08:00 +0100", tick=False):
        assert services.send_digests() == 0  # not a day yet
    with time_machine.travel("2026-03-03 20:30 +0100", tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert services.send_digests() == 1
        assert "Bladeren harken" in mail.outbox[1].body and "Heg knippen" not in mail.outbox[1].body

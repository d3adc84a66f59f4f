from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from core.exceptions import ApplicationError
from notices import realtime, services
from notices.models import Acknowledgement, Membership, Notice
from notifications.kinds import Email, Kind
from notifications.models import Notification
from notifications.services import set_preferences

from .factories import MembershipFactory, NoticeFactory


def test_notice_expires_after_48_hours_by_default(group, member):
    with time_machine.travel("2026-11-23 10:00 +0000", tick=False):
        notice = services.post_notice(group=group, author=member, level="info", text="Lamp kapot")
    assert notice.expires_at - notice.created_at == timedelta(hours=48)


def test_only_approved_members_post_notices(group, outsider):
    MembershipFactory(group=group, user=outsider, status=Membership.Status.REQUESTED)
    with pytest.raises(ApplicationError, match="Alleen") as error:
        services.post_notice(group=group, author=outsider, level="info", text="Hallo")
    assert error.value.code == "forbidden"
    assert not Notice.objects.exists()


def test_gezien_is_recorded_once_per_member(group, member, second_member):
    notice = NoticeFactory(group=group, author=member, level="urgent")
    _, first = services.acknowledge_notice(notice=notice, user=second_member)
    _, again = services.acknowledge_notice(notice=notice, user=second_member)
    services.acknowledge_notice(notice=notice, user=member)
    assert (first, again) == (True, False)
    assert Acknowledgement.objects.filter(notice=notice).count() == 2


def test_non_member_cannot_mark_gezien(group, member, outsider):
    notice = NoticeFactory(group=group, author=member)
    with pytest.raises(ApplicationError, match="Alleen") as error:
        services.acknowledge_notice(notice=notice, user=outsider)
    assert error.value.code == "forbidden"
    assert not Acknowledgement.objects.exists()


def test_status_is_stored_with_who_set_it(group, member, second_member):
    notice = NoticeFactory(group=group, author=member, level="urgent")
    services.set_notice_status(notice=notice, status="ik ga kijken", by=second_member)
    notice.refresh_from_db()
    assert (notice.status, notice.status_by, notice.status_message()["by"]) == (
        "ik ga kijken",
        second_member,
        "Bram",
    )


def test_unknown_status_is_refused(group, member):
    notice = NoticeFactory(group=group, author=member, level="urgent")
    with pytest.raises(ApplicationError, match="Deze status kennen we niet"):
        services.set_notice_status(notice=notice, status="brand", by=member)
    notice.refresh_from_db()
    assert notice.status == ""


def test_join_request_tells_the_coordinator(group, coordinator, outsider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.request_membership(group=group, user=outsider)
    assert membership.status == Membership.Status.REQUESTED
    notification = Notification.objects.get(user=coordinator)
    assert "Piet" in notification.text and notification.kind == Kind.MEMBERSHIP
    # By e-mail too, unless the coordinator chose otherwise: a request must not wait for a visit.
    assert [m.to for m in mail.outbox] == [[coordinator.email]] and "Piet" in mail.outbox[0].subject
    assert notification.url == "/buurtpreventie/ruwaard-noord/leden/"
    services.request_membership(group=group, user=outsider)
    assert Notification.objects.filter(user=coordinator).count() == 1


def test_only_a_coordinator_approves(group, coordinator, member, outsider):
    membership = services.request_membership(group=group, user=outsider)
    with pytest.raises(ApplicationError, match="Alleen") as error:
        services.approve_membership(membership=membership, by=member)
    assert error.value.code == "forbidden"
    services.approve_membership(membership=membership, by=coordinator)
    membership.refresh_from_db()
    assert membership.is_approved
    assert Notification.objects.filter(user=outsider, text__contains="lid van").exists()


def test_urgent_notice_is_mailed_to_members_by_their_choice(
    group, member, django_capture_on_commit_callbacks
):
    wants_mail = MembershipFactory(group=group, user__email="weg@example.org").user
    no_mail = MembershipFactory(group=group, user__email="geen-mail@example.org").user
    set_preferences(user=no_mail, choices={Kind.NOTICE_URGENT: (Email.OFF, False)})
    MembershipFactory(group=group, status=Membership.Status.REQUESTED, user__email="aanvraag@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        services.post_notice(
            group=group, author=member, level="urgent", text="Inbraak bezig", street="Lindenlaan"
        )

    # The author never gets their own; a requested membership gets nothing; "off" sends no e-mail.
    assert [m.to for m in mail.outbox] == [[wants_mail.email]]
    assert "Inbraak bezig" in mail.outbox[0].body
    assert Notification.objects.filter(user=no_mail, kind=Kind.NOTICE_URGENT).exists()


def test_no_mail_for_notices_that_are_not_urgent(group, member, django_capture_on_commit_callbacks):
    other = MembershipFactory(group=group).user
    with django_capture_on_commit_callbacks(execute=True):
        services.post_notice(group=group, author=member, level="info", text="Lamp kapot")
    assert mail.outbox == []
    assert Notification.objects.get(user=other).kind == Kind.NOTICE


def test_presence_counts_connections_and_forgets_the_last_one(member):
    realtime.mark_connected(member.pk)
    realtime.mark_connected(member.pk)
    realtime.mark_disconnected(member.pk)
    assert realtime.connected_user_ids([member.pk]) == {member.pk}
    realtime.mark_disconnected(member.pk)
    assert realtime.connected_user_ids([member.pk]) == set()


def test_expired_notice_is_not_active(group, member):
    notice = NoticeFactory(group=group, author=member, expires_at=timezone.now() - timedelta(minutes=1))
    assert notice not in Notice.objects.active()


def test_status_is_only_for_urgent_notices(group, member):
    info = NoticeFactory(group=group, author=member, level="info")
    with pytest.raises(ApplicationError, match="spoedmelding"):
        services.set_notice_status(notice=info, status="opgelost", by=member)
    urgent = NoticeFactory(group=group, author=member, level="urgent")
    assert (
        services.set_notice_status(notice=urgent, status="ik ga kijken", by=member).status == "ik ga kijken"
    )


def test_gezien_count_goes_live_to_the_group(
    group, member, second_member, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr(realtime, "send_to_prevention_group", lambda **kwargs: sent.append(kwargs))
    notice = NoticeFactory(group=group, author=member, level="urgent")
    for user in (member, second_member, second_member):  # the second time changes nothing: no message
        with django_capture_on_commit_callbacks(execute=True):
            services.acknowledge_notice(notice=notice, user=user)
    assert [s["message"] for s in sent] == [
        {"type": "seen", "notice": notice.pk, "count": 1},
        {"type": "seen", "notice": notice.pk, "count": 2},
    ]

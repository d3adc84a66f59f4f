"""Mail, live messages and index updates leave only after the writing transaction commits."""

import re
from pathlib import Path
from unittest import mock

import pytest
from django.db import transaction

from accounts import roles
from activities.models import Activity
from activities.services import publish_activity
from marketplace.services import respond
from notices.models import Notice
from notices.services import post_notice
from notifications.services import notify
from tests.activities.factories import ActivityFactory
from tests.factories import UserFactory
from tests.marketplace.factories import ListingFactory
from tests.notices.factories import MembershipFactory

ROOT = Path(__file__).resolve().parents[1]
SENDING = re.compile(r"\b(send_mail\(|send_mass_mail\(|group_send\b)|\.send\(\)")
# The only places that send: the tasks that the worker runs, the two after-commit channel senders, the
# channel layer itself and the readiness probe's round trip through it.
ALLOWED = {
    "platform/core/tasks.py",
    "platform/notices/realtime.py",
    "platform/notifications/realtime.py",
    "platform/notices/layers.py",
    "platform/ops/health.py",
}
APP_FOLDERS = ["activities", "marketplace", "stories", "search", "platform", "demo"]


def test_only_tasks_and_after_commit_senders_send():
    senders = set()
    for folder in APP_FOLDERS:
        for file in (ROOT / folder).rglob("*.py"):
            if "migrations" in file.parts:
                continue
            if SENDING.search(file.read_text()):
                senders.add(str(file.relative_to(ROOT)))
    assert senders == ALLOWED


def test_index_tasks_are_enqueued_from_on_commit_only():
    text = (ROOT / "search/indexing.py").read_text()
    for line in text.splitlines():
        if "_search_document.enqueue(" in line and "on_commit" not in line:
            # the rebuild loop is not a write path: it runs from the command and the scheduled job
            assert line.startswith("            sync_search_document.enqueue(label, str(pk))")


@pytest.fixture
def spies():
    with (
        mock.patch("notifications.realtime.send_to_user") as to_user,
        mock.patch("notices.realtime._send") as to_group,
        mock.patch("search.tasks.sync_search_document") as index,
    ):
        yield {"user": to_user, "group": to_group, "index": index.enqueue}


def _writes():
    resident = UserFactory(roles=[roles.BEWONER])
    volunteer = UserFactory(roles=[roles.BEWONER, roles.VRIJWILLIGER])
    moderator = UserFactory(roles=[roles.MODERATOR], is_staff=True)
    member = MembershipFactory()
    notify(user=resident, kind="test", text="Er is iets voor u.", url="/")
    post_notice(
        group=member.group, author=member.user, level="urgent", text="Rook bij de flat", street="Lindenlaan"
    )
    respond(listing=ListingFactory(owner=resident), responder=volunteer, text="Ik help graag.")
    publish_activity(activity=ActivityFactory(owner=resident, status=Activity.Status.PENDING), by=moderator)


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_write_sends_nothing(spies, mailoutbox):
    with pytest.raises(RuntimeError), transaction.atomic():
        _writes()
        raise RuntimeError
    assert not Notice.objects.exists()
    assert mailoutbox == []
    assert [spy.call_count for spy in spies.values()] == [0, 0, 0]


@pytest.mark.django_db(transaction=True)
def test_a_committed_write_sends_after_commit(spies):
    with transaction.atomic():
        _writes()
        assert [spy.call_count for spy in spies.values()] == [0, 0, 0]
    assert spies["user"].call_count >= 3  # the notification, the response, the approval
    assert spies["group"].call_count >= 1  # the notice to its group
    assert spies["index"].call_count >= 1  # the listing and the activity follow in search

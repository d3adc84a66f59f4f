"""Reports residents made before the one moderation queue reach that queue, none lost."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.marketplace.factories import ListingFactory, MessageFactory

# The marketplace still has its own report table; ops has not carried anything yet.
BEFORE = [("marketplace", "0003_moderation_note_reports_move"), ("ops", "0001_job_run")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


def _migrate_all():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_reports_from_before_the_queue_are_carried_into_it(resident, other_resident, moderator):
    listing = ListingFactory(owner=other_resident, title="Fiets te leen")
    message = MessageFactory(text="Geef mij uw pincode")
    executor = _migrate(BEFORE)
    OldReport = executor.loader.project_state(BEFORE).apps.get_model("marketplace", "Report")
    assert OldReport._meta.db_table in connection.introspection.table_names()
    earlier = timezone.now() - timezone.timedelta(days=3)
    OldReport.objects.create(listing_id=listing.pk, reporter_id=resident.pk, reason="spam", note="Reclame")
    OldReport.objects.create(
        listing_id=listing.pk, reporter_id=resident.pk, reason="spam", note="Weer reclame"
    )
    OldReport.objects.create(message_id=message.pk, reporter_id=resident.pk, reason="geld", note="")
    OldReport.objects.create(
        listing_id=listing.pk,
        reporter_id=other_resident.pk,
        reason="anders",
        created_at=earlier,
        handled_at=earlier,
        handled_by_id=moderator.pk,
    )

    try:
        _migrate_all()
        from moderation import selectors
        from moderation.models import Report

        assert "marketplace_report" not in connection.introspection.table_names()
        carried = {(r.kind, r.object_id, r.reporter_id, r.reason): r for r in Report.objects.all()}
        assert set(carried) == {
            ("listing", listing.pk, resident.pk, "spam"),
            ("message", message.pk, resident.pk, "geld"),
            ("listing", listing.pk, other_resident.pk, "anders"),
        }
        # Two open reports by one person about one listing: one, with both notes.
        assert carried["listing", listing.pk, resident.pk, "spam"].note == "Reclame\nWeer reclame"
        handled = carried["listing", listing.pk, other_resident.pk, "anders"]
        assert (handled.handled_at, handled.handled_by_id) == (earlier, moderator.pk)
        # The open ones wait in the moderators' queue like any report made today.
        waiting = {(item.kind.name, item.obj.pk) for item in selectors.queue()}
        assert {("listing", listing.pk), ("message", message.pk)} <= waiting
    finally:
        _migrate_all()


@pytest.mark.django_db(transaction=True)
def test_a_database_that_lost_the_table_already_migrates_on():
    """An earlier version of marketplace 0003 dropped the table: 0004 and the carrying step pass by."""
    executor = _migrate(BEFORE)
    OldReport = executor.loader.project_state(BEFORE).apps.get_model("marketplace", "Report")
    with connection.schema_editor() as editor:
        editor.delete_model(OldReport)
    try:
        _migrate_all()
        from moderation.models import Report

        assert "marketplace_report" not in connection.introspection.table_names()
        assert Report.objects.count() == 0
    finally:
        _migrate_all()

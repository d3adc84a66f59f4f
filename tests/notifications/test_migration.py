"""Moving Notification out of ``notices`` keeps every stored notification."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

MOVED = [("notices", "0005_move_notification"), ("notifications", "0001_initial")]
BEFORE = [("notices", "0004_reserved_group_slugs"), ("notifications", None)]
AFTER = [("notices", "0006_membership_email_by_preference"), ("notifications", "0003_kinds_from_old_names")]


@pytest.mark.django_db(transaction=True)
def test_notifications_stored_before_the_move_are_kept(resident):
    executor = MigrationExecutor(connection)
    executor.migrate(MOVED)  # the later notifications migrations first, then the move itself
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state([BEFORE[0]]).apps
    OldNotification = old_apps.get_model("notices", "Notification")
    assert OldNotification._meta.db_table == "notices_notification"
    OldNotification.objects.create(
        user_id=resident.pk, text="Henk reageert op: Boodschappen", url="/berichten/1/", kind="marketplace"
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    executor.loader.build_graph()

    from django.contrib.contenttypes.models import ContentType

    from notifications.models import Notification

    kept = Notification.objects.get(user=resident)
    assert (kept.text, kept.url, kept.read_at) == ("Henk reageert op: Boodschappen", "/berichten/1/", None)
    assert kept.kind == "response"  # the old word "marketplace" became a kind of notifications.kinds
    tables = connection.introspection.table_names()
    assert "notifications_notification" in tables and "notices_notification" not in tables
    assert ContentType.objects.filter(app_label="notifications", model="notification").exists()
    assert not ContentType.objects.filter(app_label="notices", model="notification").exists()

    # Leave the database as every other test expects it: all migrations applied.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

"""Notification moved to the ``notifications`` app, with its rows.

In the database the table and its index get the new app's names; in the state the model leaves
``notices`` (``notifications.0001_initial`` adds it there). The content type follows, so permissions
and admin history stay attached.
"""

from django.db import migrations


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="notices", model="notification")
    if ContentType.objects.filter(app_label="notifications", model="notification").exists():
        old.delete()
    else:
        old.update(app_label="notifications")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    moved = ContentType.objects.filter(app_label="notifications", model="notification")
    if ContentType.objects.filter(app_label="notices", model="notification").exists():
        moved.delete()
    else:
        moved.update(app_label="notices")


class Migration(migrations.Migration):
    dependencies = [
        ("notices", "0004_reserved_group_slugs"),
        ("notifications", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="notification", table="notifications_notification"),
                migrations.RenameIndex(
                    model_name="notification",
                    new_name="notificatio_user_id_47e85c_idx",
                    old_name="notices_not_user_id_045411_idx",
                ),
            ],
            state_operations=[migrations.DeleteModel(name="Notification")],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]

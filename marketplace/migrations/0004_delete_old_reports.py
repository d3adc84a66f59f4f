"""Drop the marketplace's own report table once ``ops`` has carried its rows into moderation.

On a database that dropped the table with an earlier version of migration 0003, the table is
already gone: the state forgets the model, and the database drops the table only where it exists.
"""

from django.db import migrations


def drop_old_table(apps, schema_editor):
    Report = apps.get_model("marketplace", "Report")
    if Report._meta.db_table in schema_editor.connection.introspection.table_names():
        schema_editor.delete_model(Report)


def recreate_old_table(apps, schema_editor):
    schema_editor.create_model(apps.get_model("marketplace", "Report"))


class Migration(migrations.Migration):

    dependencies = [
        ("marketplace", "0003_moderation_note_reports_move"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Report")],
            database_operations=[migrations.RunPython(drop_old_table, recreate_old_table)],
        ),
    ]

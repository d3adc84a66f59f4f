"""Notification moved here from ``notices``: this migration only records the model in the state.

The table is ``notices_notification`` renamed by ``notices.0005_move_notification`` (which depends on
this one); on a fresh database ``notices.0001_initial`` creates it first. So the rows stay where they are.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("text", models.CharField(max_length=300, verbose_name="tekst")),
                        ("url", models.CharField(blank=True, max_length=300, verbose_name="link")),
                        ("kind", models.CharField(blank=True, max_length=40, verbose_name="soort")),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="gemaakt op"),
                        ),
                        ("read_at", models.DateTimeField(blank=True, null=True, verbose_name="gelezen op")),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notifications",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "melding",
                        "verbose_name_plural": "meldingen",
                        "ordering": ["-created_at", "-id"],
                        "indexes": [
                            models.Index(fields=["user", "read_at"], name="notificatio_user_id_47e85c_idx")
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]

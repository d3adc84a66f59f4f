"""Carry the reports residents made about asks, offers and messages into the moderation queue.

Before the one moderation queue, the marketplace kept its own reports. Moderation may not depend on
a content app, nor a content app on moderation, so this step lives in ``ops``, which may know both.
It runs after moderation's table exists and before the marketplace drops its own
(``run_before`` marketplace 0004). A report about a listing becomes kind ``listing``, one about a
message kind ``message``, with its reason, note, dates and handler. Where one person had several
open reports about the same thing, the queue keeps one (the earliest) and adds the other notes to it.
A report carried before (the same person, thing and time) is not carried twice.
"""

from django.db import migrations

NOTE_LENGTH = 300


def carry_reports(apps, schema_editor):
    OldReport = apps.get_model("marketplace", "Report")
    Report = apps.get_model("moderation", "Report")
    if OldReport._meta.db_table not in schema_editor.connection.introspection.table_names():
        return  # an earlier version of marketplace 0003 dropped it already: nothing left to carry
    open_reports = {}
    for old in OldReport.objects.order_by("created_at", "id"):
        if old.listing_id is not None:
            kind, object_id = "listing", old.listing_id
        elif old.message_id is not None:
            kind, object_id = "message", old.message_id
        else:
            continue  # about neither: the listing or message it named is gone
        key = (kind, object_id, old.reporter_id)
        if old.handled_at is None and key in open_reports:
            kept = open_reports[key]
            if old.note and old.note not in kept.note:
                kept.note = "\n".join(filter(None, [kept.note, old.note]))[:NOTE_LENGTH]
                kept.save(update_fields=["note"])
            continue
        report, _ = Report.objects.get_or_create(
            kind=kind,
            object_id=object_id,
            reporter_id=old.reporter_id,
            created_at=old.created_at,
            defaults={
                "reason": old.reason,
                "note": old.note,
                "handled_at": old.handled_at,
                "handled_by_id": old.handled_by_id,
            },
        )
        if old.handled_at is None:
            open_reports[key] = report


class Migration(migrations.Migration):

    dependencies = [
        ("ops", "0001_job_run"),
        ("marketplace", "0003_moderation_note_reports_move"),
        ("moderation", "0001_initial"),
    ]
    run_before = [
        ("marketplace", "0004_delete_old_reports"),
    ]

    operations = [
        migrations.RunPython(carry_reports, migrations.RunPython.noop),
    ]

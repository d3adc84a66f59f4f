"""Run by cron (e.g. every hour): import feeds, keep the occurrence window filled, check freshness."""

from django.core.management.base import BaseCommand

from activities import tasks


class Command(BaseCommand):
    help = "Import iCal feeds, fill the occurrence window and send freshness reminders."

    def handle(self, *args, **options):
        for name in ("import_ical_feeds", "fill_occurrence_window", "check_freshness"):
            result = getattr(tasks, name).enqueue()
            self.stdout.write(
                f"{name}: {result.status}" + (f" {result.return_value}" if result.is_finished else "")
            )

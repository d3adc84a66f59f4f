"""Run once a day from cron: expiry reminders, expiry, follow-ups, re-showing vragen, digests."""

from django.core.management.base import BaseCommand

from marketplace.tasks import run_daily_task


class Command(BaseCommand):
    help = "Daily work of Vraag en aanbod: reminders, expiry, 'Is het gelukt?', digests."

    def handle(self, *args, **options):
        result = run_daily_task.enqueue()
        value = getattr(result, "return_value", None)
        if value is None:
            self.stdout.write("Queued the daily marketplace task.")
            return
        self.stdout.write(", ".join(f"{key}: {count}" for key, count in value.items()))

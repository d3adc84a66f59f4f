"""Run once a day from cron: expiry reminders, expiry, follow-ups, re-showing vragen, digests."""

from django.core.management.base import BaseCommand
from django_tasks import TaskResultStatus

from marketplace.tasks import run_daily_task


class Command(BaseCommand):
    help = "Daily work of Vraag en aanbod: reminders, expiry, 'Is het gelukt?', digests."

    def handle(self, *args, **options):
        result = run_daily_task.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(", ".join(f"{key}: {count}" for key, count in result.return_value.items()))
        elif result.status == TaskResultStatus.FAILED:
            self.stderr.write("The daily marketplace task failed.")
        else:
            self.stdout.write(f"Queued the daily marketplace task ({result.id}).")

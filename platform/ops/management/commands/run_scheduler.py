"""Enqueue every periodic job on its own schedule until stopped (SIGINT/SIGTERM)."""

from apscheduler.schedulers.blocking import BlockingScheduler
from django.conf import settings
from django.core.management.base import BaseCommand

from ops.schedule import SCHEDULE
from ops.scheduler import add_jobs, fire


class Command(BaseCommand):
    help = "Run the scheduler: enqueue the periodic jobs (occurrence window, reminders, digests, ...)."

    def handle(self, *args, **options):
        scheduler = BlockingScheduler(timezone=settings.TIME_ZONE)
        add_jobs(scheduler)
        heartbeat = next(entry for entry in SCHEDULE if entry.name == "worker_heartbeat")
        fire(heartbeat)  # readiness sees worker and scheduler within a minute of start
        self.stdout.write(f"Scheduler started with {len(SCHEDULE)} jobs.")
        try:
            scheduler.start()
        except (KeyboardInterrupt, SystemExit):
            scheduler.shutdown(wait=False)

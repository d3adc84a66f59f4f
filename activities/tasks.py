"""Background work (django-tasks); `manage.py activities_cron` enqueues these for cron."""

from django_tasks import task

from . import services
from .models import ICalFeed


@task()
def fill_occurrence_window() -> int:
    return services.fill_occurrence_window()


@task()
def check_freshness() -> dict:
    return services.check_freshness()


@task()
def import_ical_feeds() -> dict:
    totals = {"created": 0, "updated": 0, "removed": 0, "failed": 0}
    for feed in ICalFeed.objects.filter(is_active=True).select_related("organisation"):
        for key, value in services.import_ical_feed(feed=feed).items():
            totals[key] = totals.get(key, 0) + value
    return totals


@task()
def import_one_feed(*, feed_id: int) -> dict:
    """ "Nu importeren" by a professional: one feed, at once (not waiting for the hourly run)."""
    feed = ICalFeed.objects.select_related("organisation").filter(pk=feed_id).first()
    if feed is None:
        return {"failed": 1}
    return services.import_ical_feed(feed=feed)

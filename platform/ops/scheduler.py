"""The scheduler: APScheduler fires each entry of SCHEDULE on its cron fields and enqueues its task."""

import logging

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.db import close_old_connections

from .jobs import SCHEDULER, mark_enqueued
from .schedule import SCHEDULE, Entry

logger = logging.getLogger("ops")


def trigger_for(entry: Entry) -> CronTrigger:
    return CronTrigger(timezone=settings.TIME_ZONE, **entry.cron)


def enqueue(entry: Entry) -> None:
    result = entry.task.enqueue()
    mark_enqueued(entry.name)
    mark_enqueued(SCHEDULER)
    logger.info("enqueued %s as %s", entry.name, result.id)


def fire(entry: Entry) -> None:
    """What APScheduler calls: a long-running process drops stale database connections around each job."""
    close_old_connections()
    try:
        enqueue(entry)
    finally:
        close_old_connections()


def add_jobs(scheduler: BaseScheduler) -> None:
    for entry in SCHEDULE:
        scheduler.add_job(
            fire,
            trigger_for(entry),
            args=[entry],
            id=entry.name,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=300,
            replace_existing=True,
        )

"""Record when a periodic job was enqueued, started and finished (readiness reads these)."""

import functools
import logging
from collections.abc import Callable

from django.db.models import F
from django.utils import timezone
from django_tasks import task

from .models import JobRun

logger = logging.getLogger("ops")

SCHEDULER = "scheduler"
WORKER_HEARTBEAT = "worker_heartbeat"


def mark_enqueued(name: str) -> None:
    JobRun.objects.update_or_create(name=name, defaults={"last_enqueued_at": timezone.now()})


def recorded(name: str) -> Callable:
    """Wrap a job so that each run stores its start, end, outcome and result under ``name``."""

    def decorator(func: Callable) -> Callable:
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            JobRun.objects.update_or_create(name=name, defaults={"last_started_at": timezone.now()})
            try:
                result = func(*args, **kwargs)
            except Exception:
                logger.exception("periodic job %s failed", name)
                JobRun.objects.filter(name=name).update(
                    last_finished_at=timezone.now(), last_succeeded=False, runs=F("runs") + 1
                )
                raise
            JobRun.objects.filter(name=name).update(
                last_finished_at=timezone.now(),
                last_succeeded=True,
                last_result=result if isinstance(result, dict) else {"count": result},
                runs=F("runs") + 1,
            )
            return result

        return wrapper

    return decorator


def periodic_job(func: Callable):
    """A task for the worker whose runs are recorded under the function's name (the schedule's name)."""
    return task()(recorded(func.__name__)(func))

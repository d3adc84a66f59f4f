"""Readiness checks: each returns (ok, detail). Database and cache are required; the rest degrade."""

import time
from datetime import timedelta

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from .jobs import SCHEDULER, WORKER_HEARTBEAT
from .models import JobRun

WORKER_LAG = timedelta(minutes=3)
SCHEDULER_LAG = timedelta(minutes=3)


def database() -> tuple[bool, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return True, connection.vendor


def cache_check() -> tuple[bool, str]:
    key = "health:probe"
    value = str(time.monotonic())
    cache.set(key, value, 10)
    ok = cache.get(key) == value
    return ok, "ok" if ok else "cache does not keep values"


def channel_layer() -> tuple[bool, str]:
    layer = get_channel_layer()
    if layer is None:
        return False, "no channel layer"
    async_to_sync(layer.group_send)("health-probe", {"type": "health.probe"})
    return True, type(layer).__name__


def search() -> tuple[bool, str]:
    if not settings.ELASTICSEARCH_URL:
        return True, "database"
    from elasticsearch import Elasticsearch

    client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=settings.ELASTICSEARCH_TIMEOUT)
    return bool(client.ping()), "elasticsearch"


def _recent(name: str, field: str, lag: timedelta) -> tuple[bool, str]:
    run = JobRun.objects.filter(name=name).first()
    moment = getattr(run, field, None) if run else None
    if moment is None:
        return False, "never"
    return timezone.now() - moment <= lag, moment.isoformat()


def worker() -> tuple[bool, str]:
    return _recent(WORKER_HEARTBEAT, "last_finished_at", WORKER_LAG)


def scheduler() -> tuple[bool, str]:
    return _recent(SCHEDULER, "last_enqueued_at", SCHEDULER_LAG)


REQUIRED = {"database": database, "cache": cache_check}
OPTIONAL = {"channel_layer": channel_layer, "search": search, "worker": worker, "scheduler": scheduler}

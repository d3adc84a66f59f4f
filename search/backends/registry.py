"""Which backend answers: Elasticsearch when ELASTICSEARCH_URL is set and reachable, else the database."""

import logging
import time

from django.conf import settings

from .base import BackendUnavailable
from .database import DatabaseBackend

logger = logging.getLogger("search")

RETRY_AFTER_SECONDS = 30
_down_until = 0.0


def database_backend() -> DatabaseBackend:
    return DatabaseBackend()


def elasticsearch_backend():
    """The Elasticsearch backend, or None when it is not configured or failed a moment ago."""
    if not settings.ELASTICSEARCH_URL or time.monotonic() < _down_until:
        return None
    from .elastic import ElasticsearchBackend

    return ElasticsearchBackend()


def mark_unavailable(error: BackendUnavailable) -> None:
    """Log the failure and leave Elasticsearch alone for a short while."""
    global _down_until
    _down_until = time.monotonic() + RETRY_AFTER_SECONDS
    logger.warning("Search falls back to the database: %s", error)


def reset() -> None:
    global _down_until
    _down_until = 0.0


def call_with_fallback(method: str, **kwargs):
    """Ask Elasticsearch if it is there, the database otherwise (and when Elasticsearch fails)."""
    backend = elasticsearch_backend()
    if backend is not None:
        try:
            return getattr(backend, method)(**kwargs)
        except BackendUnavailable as error:
            mark_unavailable(error)
    return getattr(database_backend(), method)(**kwargs)

"""Index updates as background tasks (django-tasks): immediate by default, a queue when configured.

A busy database (another writer holding the lock) is retried a few times before the task fails, so a
burst of posts does not leave the index silently behind.
"""

import logging
import time

from django.db import OperationalError, close_old_connections
from django_tasks import task

from .indexing import remove_document, sync_object

logger = logging.getLogger("search")

ATTEMPTS = 5
BACKOFF_SECONDS = 0.2


def _with_retries(action, description: str) -> None:
    for attempt in range(1, ATTEMPTS + 1):
        try:
            action()
            return
        except OperationalError as error:
            if attempt == ATTEMPTS:
                logger.error(
                    "search index update of %s failed after %d attempts: %s", description, attempt, error
                )
                raise
            logger.warning("search index update of %s retried (%s)", description, error)
            close_old_connections()
            time.sleep(BACKOFF_SECONDS * attempt)


@task()
def sync_search_document(label: str, pk: str) -> None:
    _with_retries(lambda: sync_object(label=label, pk=pk), f"{label}:{pk}")


@task()
def remove_search_document(key: str) -> None:
    _with_retries(lambda: remove_document(key=key), key)

"""Keep every backend in step with the content: one path for Elasticsearch and the database table."""

import logging
from collections.abc import Callable

from django.db import transaction
from django.db.models import Model

from .backends.base import BackendUnavailable
from .backends.registry import database_backend, elasticsearch_backend, mark_unavailable
from .documents import SearchDocument
from .sources import Source, available_sources, source_for_label

logger = logging.getLogger("search")


def index_document(*, document: SearchDocument) -> None:
    database_backend().index(document)
    _also_in_elasticsearch(lambda backend: backend.index(document))


def remove_document(*, key: str) -> None:
    database_backend().remove(key)
    _also_in_elasticsearch(lambda backend: backend.remove(key))


def _also_in_elasticsearch(action: Callable) -> None:
    backend = elasticsearch_backend()
    if backend is None:
        return
    try:
        action(backend)
    except BackendUnavailable as error:
        mark_unavailable(error)


def sync_object(*, label: str, pk) -> None:
    """Index the object as it is committed now if a visitor may see it; remove it otherwise."""
    key = f"{label}:{pk}"
    source = source_for_label(label)
    obj = source.public_queryset().filter(pk=pk).first() if source else None
    if obj is None:
        remove_document(key=key)
    else:
        index_document(document=source.to_document(obj))


def schedule_sync(*, instance: Model) -> None:
    """After the commit, bring the object's index entry in line with what is now committed."""
    from .tasks import sync_search_document

    label, pk = instance._meta.label_lower, str(instance.pk)
    transaction.on_commit(lambda: sync_search_document.enqueue(label, pk), robust=True)


def schedule_sync_of(*, label: str, pks: list) -> None:
    """After the commit, refresh the entries of objects whose text shows another object's name."""
    from .tasks import sync_search_document

    def enqueue():
        for pk in pks:
            sync_search_document.enqueue(label, str(pk))

    if pks:
        transaction.on_commit(enqueue, robust=True)


def schedule_removal(*, instance: Model) -> None:
    from .tasks import remove_search_document

    key = f"{instance._meta.label_lower}:{instance.pk}"
    transaction.on_commit(lambda: remove_search_document.enqueue(key), robust=True)


def all_documents(sources: list[Source] | None = None, progress: Callable[[int], None] | None = None):
    for source in sources or available_sources():
        for document in source.public_documents():
            if progress:
                progress(1)
            yield document


def count_documents() -> int:
    return sum(source.public_queryset().count() for source in available_sources())


def rebuild_index(*, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Rebuild the database table, and the Elasticsearch index behind a new alias when configured."""
    counts = {"database": database_backend().rebuild(all_documents(progress=progress))}
    backend = elasticsearch_backend()
    if backend is not None:
        try:
            counts["elasticsearch"] = backend.rebuild(all_documents())
        except BackendUnavailable as error:
            mark_unavailable(error)
    return counts

"""Index updates as background tasks (django-tasks): immediate by default, a queue when configured."""

from django_tasks import task

from .indexing import remove_document, sync_object


@task()
def sync_search_document(label: str, pk: str) -> None:
    sync_object(label=label, pk=pk)


@task()
def remove_search_document(key: str) -> None:
    remove_document(key=key)

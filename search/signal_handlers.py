"""Indexing follows committed saves and deletes of searchable models; content apps never import search."""

from django.db.models.signals import post_delete, post_save

from .indexing import schedule_removal, schedule_sync
from .sources import available_sources


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_sync(instance=instance)


def _deleted(sender, instance, **kwargs):
    schedule_removal(instance=instance)


def _page_changed(sender, instance, **kwargs):
    schedule_sync(instance=instance)


def register_signal_handlers() -> None:
    from wagtail.signals import page_published, page_unpublished

    for source in available_sources():
        model = source.model
        uid = f"search-{source.label}"
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-delete")
        page_published.connect(_page_changed, sender=model, dispatch_uid=f"{uid}-published")
        page_unpublished.connect(_page_changed, sender=model, dispatch_uid=f"{uid}-unpublished")

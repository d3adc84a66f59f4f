"""Indexing follows committed saves and deletes of searchable models; content apps never import search."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from .indexing import schedule_removal, schedule_sync, schedule_sync_of
from .sources import available_sources, source_for_label

# Models whose name appears in another source's documents: (model, source label, field to it).
RELATED = [
    ("organisations.organisation", "activities.activity", "organisation"),
    ("activities.location", "activities.activity", "location"),
]
RELATED_LIMIT = 500


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_sync(instance=instance)


def _deleted(sender, instance, **kwargs):
    schedule_removal(instance=instance)


def _page_changed(sender, instance, **kwargs):
    schedule_sync(instance=instance)


def _related_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for model_label, source_label, field in RELATED:
        source = source_for_label(source_label)
        if source is None or sender._meta.label_lower != model_label:
            continue
        pks = source.model.objects.filter(**{field: instance}).values_list("pk", flat=True)[:RELATED_LIMIT]
        schedule_sync_of(label=source_label, pks=list(pks))


def register_signal_handlers() -> None:
    from wagtail.signals import page_published, page_unpublished

    for source in available_sources():
        model = source.model
        uid = f"search-{source.label}"
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-delete")
        page_published.connect(_page_changed, sender=model, dispatch_uid=f"{uid}-published")
        page_unpublished.connect(_page_changed, sender=model, dispatch_uid=f"{uid}-unpublished")
    for model_label, _source_label, _field in RELATED:
        try:
            model = apps.get_model(model_label)
        except LookupError:
            continue
        post_save.connect(_related_saved, sender=model, dispatch_uid=f"search-related-{model_label}")

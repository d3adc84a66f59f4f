"""Moderators hear when a first post starts to wait. Connected to each moderated model of the registry."""

from django.db.models.signals import post_save
from django.utils.translation import gettext as _

from core.transaction import after_commit

from . import registry


def _tell_moderators_of(kind_name: str, pk: int) -> None:
    from .services import tell_moderators

    kind = registry.kind_named(kind_name)
    obj = kind.get(pk)
    if obj is not None and kind.waits(obj):
        tell_moderators(
            text=_("Er wacht iets op u: %(label)s „%(title)s”")
            % {"label": kind.label, "title": kind.title(obj)[:150]},
            exclude=kind.author(obj),
        )


def _on_save(sender, instance, raw=False, **kwargs):
    kind = registry.kind_of_model(sender)
    if raw or kind is None or not kind.waits(instance):
        return
    after_commit(_tell_moderators_of, kind.name, instance.pk)


def connect() -> None:
    for kind in registry.kinds().values():
        post_save.connect(_on_save, sender=kind.model, dispatch_uid=f"moderation-waits-{kind.name}")

"""Moderators hear when a first post starts to wait. Connected to each moderated model of the registry.

The notifications are written in the same transaction as the post (notify() sends them live on commit).
"""

from django.db.models.signals import post_save
from django.utils.translation import gettext as _

from . import registry


def _on_save(sender, instance, raw=False, **kwargs):
    kind = registry.kind_of_model(sender)
    if raw or kind is None or not kind.waits(instance):
        return
    from .services import tell_moderators

    tell_moderators(
        text=_("Er wacht iets op u: %(label)s „%(title)s”")
        % {"label": kind.label, "title": kind.title(instance)[:150]},
        exclude=kind.author(instance),
    )


def connect() -> None:
    for kind in registry.kinds().values():
        post_save.connect(_on_save, sender=kind.model, dispatch_uid=f"moderation-waits-{kind.name}")

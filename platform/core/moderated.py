"""What most kinds of the moderation queue do alike.

An app's ``moderated.py`` lists its kinds (``moderation.registry`` says what a kind offers); the apps may
not import the moderation app, so the defaults they share live here. A kind sets ``name``, ``label``,
``model``, ``actions`` and what differs from these defaults.
"""

from django.db import models


class ModeratedKind:
    model: type[models.Model]
    select_related: tuple[str, ...] = ()  # read along with every object the queue looks at
    author_field = "author"

    def queryset(self) -> models.QuerySet:
        return self.model.objects.select_related(*self.select_related)

    def get(self, pk: int):
        return self.queryset().filter(pk=pk).first()

    def in_bulk(self, pks) -> dict:
        return self.queryset().in_bulk(pks)

    def pending(self) -> list:
        """First posts that wait for a moderator: none, unless the kind has them."""
        return []

    def waits(self, obj) -> bool:
        return False

    def state(self, obj) -> str:
        return "hidden" if obj.is_hidden else "visible"

    def author(self, obj):
        return getattr(obj, self.author_field)

    def title(self, obj) -> str:
        return obj.title

    def url(self, obj) -> str:
        return obj.get_absolute_url()

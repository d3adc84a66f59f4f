"""Unique slugs that do not race: pick a free candidate, save in a savepoint, retry on a collision.

Two people posting "Koffie-ochtend" at the same moment both succeed: the second save hits the unique
constraint (or Wagtail's sibling check), and is tried again with the next free suffix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.text import slugify

MAX_ATTEMPTS = 50


def slug_candidates(source: str, *, fallback: str, max_length: int) -> Iterator[str]:
    base = slugify(source)[:max_length].strip("-") or fallback
    yield base
    for n in range(2, MAX_ATTEMPTS + 2):
        yield f"{base}-{n}"


def save_with_unique_slug(
    instance: models.Model,
    *,
    source: str,
    fallback: str,
    max_length: int = 100,
    taken: Callable[[str], bool] | None = None,
    save: Callable[[], object] | None = None,
    field: str = "slug",
):
    """Give ``instance`` the first free slug made from ``source`` and save it; returns what save returns.

    ``taken(slug)`` says whether a slug is in use (default: another row of the model has it); ``save``
    stores the instance (default: ``instance.save()``; a Wagtail page passes ``parent.add_child``).
    """
    model = type(instance)
    if taken is None:

        def taken(slug: str) -> bool:
            return model._default_manager.filter(**{field: slug}).exclude(pk=instance.pk).exists()

    store = save or instance.save
    last_error: Exception | None = None
    for candidate in slug_candidates(source, fallback=fallback, max_length=max_length):
        if taken(candidate):
            continue
        setattr(instance, field, candidate)
        try:
            with transaction.atomic():
                return store()
        except (IntegrityError, ValidationError) as error:
            if not taken(candidate):
                raise  # another constraint failed: not ours to hide
            last_error = error
    raise last_error or IntegrityError(f"no free slug for {source!r}")

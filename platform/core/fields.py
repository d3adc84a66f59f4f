"""Model field shapes that every app writes the same way."""

from django.db import models


def optional_foreign_key(to, verbose_name=None, *, related_name: str = "+", **options) -> models.ForeignKey:
    """A link that may be left empty and is emptied when the row it points to is deleted."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **options,
    )

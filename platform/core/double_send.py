"""One post for a double tap: the same author sending the same thing again within moments gets the first.

A thumb that taps "Plaatsen" twice, or a slow connection that sends a form again, must not store a vraag,
a message or a story twice. A service calls `sent_a_moment_ago` inside its transaction, before it stores.
"""

from collections.abc import Callable
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone

MOMENTS = timedelta(minutes=2)


def sent_a_moment_ago(same: Callable[[], QuerySet], *, author, stored_at: str = "created_at"):
    """The post that `same()` finds (this author's, with the same content) stored within moments, or None.

    The author's row is locked first (FOR NO KEY UPDATE: rows that point at the author can still be written
    by others), so the author's posts are stored one after another: a second tap waits for the first to
    commit, then finds it. `same` is asked only then, so it sees what the first tap stored."""
    get_user_model().objects.select_for_update(no_key=True).filter(pk=author.pk).first()
    return same().filter(**{f"{stored_at}__gte": timezone.now() - MOMENTS}).order_by("pk").first()

"""How a person reads their notifications and their choices in the privacy export (``accounts.readable``)."""

from operator import attrgetter

from accounts.readable import ReadableKind

from .models import Notification, Preference, PushSubscription

KINDS = [
    ReadableKind(
        model=Notification,
        heading=attrgetter("text"),
        fields=("kind", "created_at", "read_at"),
    ),
    ReadableKind(
        model=Preference,
        heading=lambda preference: preference.get_kind_display(),
        fields=("email", "push"),
    ),
    ReadableKind(
        model=PushSubscription,
        heading=attrgetter("label"),
        fields=("created_at", "last_used_at"),
    ),
]

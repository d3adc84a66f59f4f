"""Reads about accounts."""

from datetime import datetime

from .models import User


def impact_counts(*, start: datetime, end: datetime, now: datetime | None = None) -> dict[str, int]:
    return {"new_accounts": User.objects.filter(date_joined__gte=start, date_joined__lt=end).count()}

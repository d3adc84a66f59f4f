"""Reads about accounts."""

from datetime import datetime

from allauth.mfa.models import Authenticator

from .models import User


def impact_counts(*, start: datetime, end: datetime, now: datetime | None = None) -> dict[str, int]:
    return {"new_accounts": User.objects.filter(date_joined__gte=start, date_joined__lt=end).count()}


def has_second_factor(*, user) -> bool:
    """Whether the user logs in with a second factor (an authenticator app; recovery codes alone are not one)."""
    return Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).exists()

"""Writes on organisations."""

from django.db import transaction

from .models import Membership, Organisation


def add_member(*, organisation: Organisation, user, role: str = Membership.Role.MEMBER) -> Membership:
    with transaction.atomic():
        membership, _ = Membership.objects.get_or_create(
            organisation=organisation, user=user, defaults={"role": role}
        )
    return membership

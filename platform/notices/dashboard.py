"""The prevention-group section of /mijn/: the groups one belongs to or asked to join."""

from .selectors import memberships_of


def mine_context(*, user) -> dict:
    return {"memberships": list(memberships_of(user=user))}

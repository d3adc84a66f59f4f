"""The stories section of /mijn/."""

from .selectors import submissions_of


def mine_context(*, user) -> dict:
    return {"submissions": submissions_of(user=user)}

"""The activities section of /mijn/."""

from .selectors import my_activities


def mine_context(*, user) -> dict:
    return {"activities": list(my_activities(user=user)[:50])}

from functools import cache

from . import selectors


def notifications(request):
    """The header badge: unread count and newest id, one query, only when a template asks for it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def summary() -> dict:
        return selectors.summary(user=user)

    return {"notification_summary": summary}

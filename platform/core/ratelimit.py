"""Limits on posting, with django-ratelimit: one decorator per kind of post, rates in settings.

``@limit_posts("listing")`` counts the POSTs of one account (or, logged out, one address) in the cache
and answers a Dutch 429 page over ``settings.POST_RATE_LIMITS["listing"]``. GET is never counted.
"""

import functools

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited


def rate_for(kind: str) -> str | None:
    return settings.POST_RATE_LIMITS.get(kind)


def too_many(request, *, kind: str):
    return render(
        request,
        "error_page.html",
        {
            "title": _("Even wachten"),
            "message": _("U heeft dit in korte tijd te vaak gedaan. Wacht even en probeer het dan opnieuw."),
        },
        status=429,
    )


def is_over_limit(request, *, kind: str) -> bool:
    """Count this POST against the limit of `kind`; True when it goes over."""
    return is_ratelimited(
        request,
        group=f"post:{kind}",
        key="user_or_ip",
        rate=lambda _group, _request: rate_for(kind),
        method="POST",
        increment=True,
    )


def limit_posts(kind: str):
    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and is_over_limit(request, kind=kind):
                return too_many(request, kind=kind)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator

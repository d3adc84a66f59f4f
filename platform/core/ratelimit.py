"""Limits on posting, with django-ratelimit: one decorator per kind of post, rates in settings.

``@limit_posts("listing")`` counts, per account (or, logged out, per address), the POSTs that went through
(the view answered with a redirect), and answers a Dutch 429 page once that count reaches
``settings.POST_RATE_LIMITS["listing"]``. A form sent back with a mistake is not counted, GET never is.
The 429 page says when it works again and shows what the person wrote, so no text is lost.
"""

import functools

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage

# Fields never shown back on the 429 page.
NOT_SHOWN = ("csrfmiddlewaretoken", "password", "token")


def rate_for(kind: str) -> str | None:
    return settings.POST_RATE_LIMITS.get(kind)


def _usage(request, *, kind: str, increment: bool) -> dict | None:
    return get_usage(
        request,
        group=f"post:{kind}",
        key="user_or_ip",
        rate=lambda _group, _request: rate_for(kind),
        method="POST",
        increment=increment,
    )


def _wait_text(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    if minutes < 60:
        return ngettext(
            "Over %(count)d minuut kan het weer.", "Over %(count)d minuten kan het weer.", minutes
        ) % {"count": minutes}
    hours = -(-minutes // 60)
    return ngettext("Over %(count)d uur kan het weer.", "Over %(count)d uur kan het weer.", hours) % {
        "count": hours
    }


def too_many(request, *, kind: str, seconds_left: int = 0):
    written = [
        value.strip()
        for name, values in request.POST.lists()
        if not any(word in name for word in NOT_SHOWN)
        for value in values
        if any(char.isspace() for char in value.strip())  # typed text, not a choice like "vraag" or "on"
    ]
    return render(
        request,
        "too_many.html",
        {
            "title": _("Even wachten"),
            "message": _("U heeft dit in korte tijd te vaak gedaan."),
            "wait": _wait_text(seconds_left)
            if seconds_left > 0
            else _("Wacht even en probeer het dan opnieuw."),
            "written": written,
        },
        status=429,
    )


def limit_posts(kind: str):
    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method != "POST":
                return view(request, *args, **kwargs)
            usage = _usage(request, kind=kind, increment=False)
            if usage is not None and usage["count"] >= usage["limit"]:
                return too_many(request, kind=kind, seconds_left=usage["time_left"])
            response = view(request, *args, **kwargs)
            if 300 <= response.status_code < 400:
                _usage(request, kind=kind, increment=True)
            return response

        return wrapped

    return decorator

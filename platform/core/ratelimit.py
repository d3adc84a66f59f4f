"""Limits on posting, with django-ratelimit: one decorator per kind of post, rates in settings.

``@limit_posts("listing")`` keeps two counts per account (or, logged out, per address), in the cache:
- every POST, counted before the view runs (so posts sent at the same moment cannot slip past), against
  three times the rate: a form sent back with a mistake is forgiven a few times, a flood is not;
- the POSTs that went through (the view answered with a redirect), against
  ``settings.POST_RATE_LIMITS["listing"]`` itself.
Over either, the answer is a Dutch 429 page that says when it works again and shows what was written, so
no text is lost. GET is never counted.
"""

import functools
from datetime import timedelta

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from django.utils.timesince import timeuntil
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

# Fields never shown back on the 429 page.
NOT_SHOWN = ("csrfmiddlewaretoken", "password", "token")
# The fields where people write: shown back even when what they wrote is one word ("Bedankt!").
WRITTEN = frozenset({"title", "text", "thanks", "description", "summary", "reason", "note", "street"})


def rate_for(kind: str) -> str | None:
    return settings.POST_RATE_LIMITS.get(kind)


# Every post, mistakes included, may be this many times the rate of posts that go through.
TRIES_PER_POST = 3


def tries_rate_for(kind: str) -> str | None:
    rate = rate_for(kind)
    if not rate:
        return None
    count, _slash, period = rate.partition("/")
    return f"{int(count) * TRIES_PER_POST}/{period}"


def _usage(request, *, group: str, rate: str | None, increment: bool) -> dict | None:
    return get_usage(
        request, group=group, key="user_or_ip", rate=lambda _g, _r: rate, method="POST", increment=increment
    )


def _over(usage: dict | None) -> bool:
    """Whether this post goes over a count it has not been added to yet (`count >= limit`)."""
    return usage is not None and usage["count"] >= usage["limit"]  # None: no rate, or the cache is away


def _wait_text(seconds: int) -> str:
    """ "Over 23 minuten kan het weer." in Django's own words for a time span, rounded up to the minute."""
    now = timezone.now()
    later = now + timedelta(minutes=-(-seconds // 60))
    return _("Over %(time)s kan het weer.") % {"time": timeuntil(later, now, depth=2)}


def too_many(request, *, kind: str, seconds_left: int = 0):
    written = [
        value.strip()
        for name, values in request.POST.lists()
        if not any(word in name for word in NOT_SHOWN)
        for value in values
        # typed text, not a choice like "vraag" or "on"
        if value.strip() and (name in WRITTEN or any(char.isspace() for char in value.strip()))
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
            tries = _usage(request, group=f"try:{kind}", rate=tries_rate_for(kind), increment=True)
            posted = _usage(request, group=f"post:{kind}", rate=rate_for(kind), increment=False)
            if tries is not None and tries["should_limit"]:  # counted already: django-ratelimit's own verdict
                return too_many(request, kind=kind, seconds_left=tries["time_left"])
            if _over(posted):
                return too_many(request, kind=kind, seconds_left=posted["time_left"])
            response = view(request, *args, **kwargs)
            if 300 <= response.status_code < 400:
                _usage(request, group=f"post:{kind}", rate=rate_for(kind), increment=True)
            return response

        return wrapped

    return decorator

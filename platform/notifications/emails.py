"""The e-mails of notifications: one at once, or a daily or weekly digest grouped by kind.

Every mail has a text and an HTML part in one layout, absolute links to SITE_URL, and the headers of
RFC 2369 / RFC 8058 so that a mail program can turn the kind off with one click, without a login.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.site import site_root

from .kinds import Email, Kind, normalise

UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def absolute(url: str) -> str:
    """A link that works from a mailbox: the site's address in front of a path."""
    base = site_root()
    if not url:
        return base + reverse("notifications:list")
    if url.startswith(base + "/") or url == base:
        return url
    if url.startswith("/") and not url.startswith("//"):
        return base + url
    return base + reverse("notifications:list")


@dataclass(frozen=True)
class Unsubscribe:
    """What a one-click link turns off: one kind, or every kind that goes in the daily or weekly digest."""

    user_id: int
    kind: str = ""
    period: str = ""


def unsubscribe_token(*, user_id: int, kind: str = "", period: str = "") -> str:
    data = {"u": user_id, "k": kind} if kind else {"u": user_id, "d": period}
    return signing.dumps(data, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> Unsubscribe | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    if data.get("k") in Kind.values:
        return Unsubscribe(user_id=data["u"], kind=data["k"])
    if data.get("d") in (Email.DAILY, Email.WEEKLY):
        return Unsubscribe(user_id=data["u"], period=data["d"])
    return None


def unsubscribe_url(*, user_id: int, kind: str = "", period: str = "") -> str:
    token = unsubscribe_token(user_id=user_id, kind=kind, period=period)
    return absolute(reverse("notifications:unsubscribe", args=[token]))


def _headers(url: str) -> dict:
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }


def _common(user) -> dict:
    return {
        "name": getattr(user, "public_name", "") or "",
        "site_url": site_root(),
        "settings_url": absolute(reverse("accounts:mine") + "#sectie-meldingen"),
    }


def _message(*, subject: str, template: str, context: dict, to: str, headers: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=render_to_string(f"{template}.txt", context),
        to=[to],
        headers=headers,
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


def subject_of(text: str) -> str:
    """A single mail is about one thing: its subject is the notification itself, on one short line."""
    return Truncator(" ".join(text.split())).chars(90)


def notification_email(notification) -> EmailMultiAlternatives:
    """One notification, at once."""
    user, kind = notification.user, normalise(notification.kind)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            **_common(user),
            "text": notification.text,
            "link": absolute(notification.url),
            "kind_label": Kind(kind).label,
            "unsubscribe_url": unsubscribe_url(user_id=user.pk, kind=kind),
        }
        return _message(
            subject=subject_of(notification.text),
            template="notifications/email/notification",
            context=context,
            to=user.email,
            headers=_headers(context["unsubscribe_url"]),
        )


def digest_email(*, user, notifications: list, period: str) -> EmailMultiAlternatives:
    """A daily or weekly summary, grouped by kind; one unsubscribe link per kind."""
    grouped: dict[str, list] = defaultdict(list)
    for notification in notifications:
        grouped[normalise(notification.kind)].append(notification)
    with translation.override(settings.LANGUAGE_CODE):
        groups = [
            {
                "label": Kind(kind).label,
                "items": [{"text": n.text, "link": absolute(n.url)} for n in grouped[kind]],
                "unsubscribe_url": unsubscribe_url(user_id=user.pk, kind=kind),
            }
            for kind in Kind.values
            if kind in grouped
        ]
        subject = _("Uw meldingen van vandaag") if period == Email.DAILY else _("Uw meldingen van deze week")
        context = {**_common(user), "groups": groups, "period": period, "count": len(notifications)}
        # One kind in the mail: the one-click header turns exactly that kind off; several: the whole digest.
        kinds = list(grouped)
        if len(kinds) == 1:
            headers = _headers(unsubscribe_url(user_id=user.pk, kind=kinds[0]))
        else:
            headers = _headers(unsubscribe_url(user_id=user.pk, period=period))
        return _message(
            subject=str(subject),
            template="notifications/email/digest",
            context=context,
            to=user.email,
            headers=headers,
        )

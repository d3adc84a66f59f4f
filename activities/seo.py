"""What search engines and calendar apps read about an activity: schema.org JSON-LD, Open Graph, and
"add to calendar" links for Google and Outlook. Every link is absolute, starting with SITE_URL."""

import json
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from core.site import absolute

from .models import Activity, Occurrence

SCHEMA = "https://schema.org/"
# As django.utils.html.json_script: the data can never close the <script> element or open a comment.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data) -> SafeString:
    """JSON for a `<script type="application/ld+json">` data block, escaped like `json_script`.

    A data block is not executed, so the Content-Security-Policy (script-src 'self') does not apply to it."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES))  # noqa: S308


def _place(activity: Activity) -> dict:
    location = activity.location
    if location is None:
        return {"@type": "Place", "name": "Ruwaard, Oss", "address": _address("")}
    place = {"@type": "Place", "name": location.name, "address": _address(location.address)}
    if location.has_coordinates:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(location.latitude),
            "longitude": float(location.longitude),
        }
    return place


def _address(street: str) -> dict:
    address = {"@type": "PostalAddress", "addressLocality": "Oss", "addressCountry": "NL"}
    if street:
        address["streetAddress"] = street
    return address


def _organizer(activity: Activity) -> dict:
    if activity.organisation_id:
        return {
            "@type": "Organization",
            "name": activity.organisation.name,
            "url": absolute(activity.organisation.get_absolute_url()),
        }
    name = activity.owner.public_name if activity.owner_id else "Bewoners van Ruwaard"
    return {"@type": "Person", "name": name}


def _status(activity: Activity, occurrence: Occurrence | None) -> str:
    if activity.status == Activity.Status.CANCELLED or (occurrence and occurrence.is_cancelled):
        return SCHEMA + "EventCancelled"
    if occurrence and occurrence.is_moved:
        return SCHEMA + "EventRescheduled"
    return SCHEMA + "EventScheduled"


def _event(activity: Activity, start: datetime, end: datetime, occurrence: Occurrence | None) -> dict:
    url = absolute(activity.get_absolute_url())
    event = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": activity.title,
        "description": activity.summary,
        "url": url,
        "startDate": timezone.localtime(start).isoformat(),
        "endDate": timezone.localtime(end).isoformat(),
        "eventStatus": _status(activity, occurrence),
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "location": _place(activity),
        "organizer": _organizer(activity),
        "inLanguage": "nl",
    }
    if occurrence and occurrence.is_moved:
        event["previousStartDate"] = timezone.localtime(occurrence.original_start).isoformat()
    if activity.cost_known:
        event["isAccessibleForFree"] = activity.is_free
        event["offers"] = {
            "@type": "Offer",
            "price": f"{activity.cost or 0:.2f}",
            "priceCurrency": "EUR",
            "url": url,
            "availability": SCHEMA + "InStock",
        }
    return event


def event_data(*, activity: Activity, occurrences: list[Occurrence]) -> list[dict]:
    """One schema.org Event per date shown; an activity without upcoming dates still describes its first."""
    if not occurrences:
        return [_event(activity, activity.starts_at, activity.starts_at + activity.duration, None)]
    return [_event(activity, o.start, o.end, o) for o in occurrences]


def open_graph(*, activity: Activity, image_url: str = "") -> dict[str, str]:
    tags = {
        "og:type": "website",
        "og:site_name": "Wij(k) de Ruwaard",
        "og:locale": "nl_NL",
        "og:title": activity.title,
        "og:description": activity.summary,
        "og:url": absolute(activity.get_absolute_url()),
    }
    if image_url:
        tags["og:image"] = image_url if "://" in image_url else absolute(image_url)
        tags["og:image:alt"] = activity.image_alt
    return tags


# --- add to calendar -------------------------------------------------------------------------------------


def _details(activity: Activity) -> str:
    return f"{activity.summary}\n\n{absolute(activity.get_absolute_url())}"


def _where(activity: Activity) -> str:
    if activity.location is None:
        return ""
    return activity.location.in_oss(activity.location.name, activity.location.address)


def google_link(*, activity: Activity, occurrence: Occurrence) -> str:
    def stamp(moment):
        return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    query = {
        "action": "TEMPLATE",
        "text": activity.title,
        "dates": f"{stamp(occurrence.start)}/{stamp(occurrence.end)}",
        "details": _details(activity),
        "location": _where(activity),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_link(*, activity: Activity, occurrence: Occurrence) -> str:
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": activity.title,
        "startdt": timezone.localtime(occurrence.start).isoformat(),
        "enddt": timezone.localtime(occurrence.end).isoformat(),
        "body": _details(activity),
        "location": _where(activity),
    }
    return "https://outlook.live.com/calendar/0/action/compose?" + urlencode(query)


def webcal(url: str) -> str:
    return "webcal://" + url.split("://", 1)[-1]

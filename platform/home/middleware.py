"""Count page views per day and section: one counter row, no address, no cookie, no profile."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import DailyVisit

SKIPPED_NAMESPACES = {"wagtailadmin", "admin", "wagtailimages", "wagtaildocs"}


def section_of(request, response) -> str:
    """The app namespace of the view, or the page type for a Wagtail page; "" when not counted."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    namespace = match.namespaces[0] if match.namespaces else ""
    if namespace in SKIPPED_NAMESPACES:
        return ""
    page = (getattr(response, "context_data", None) or {}).get("page")
    if page is not None and hasattr(page, "specific_class"):
        return f"page:{page._meta.model_name}"
    return namespace


def count_visit(*, section: str) -> None:
    """Add one to today's counter of `section` with an atomic update."""
    day = timezone.localdate()
    if DailyVisit.objects.filter(day=day, section=section).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DailyVisit.objects.create(day=day, section=section, count=1)
    except IntegrityError:
        DailyVisit.objects.filter(day=day, section=section).update(count=F("count") + 1)


class VisitCounterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            getattr(settings, "COUNT_VISITS", True)
            and request.method == "GET"
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
        ):
            section = section_of(request, response)
            if section:
                count_visit(section=section)
        return response

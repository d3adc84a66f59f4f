from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.registry import offered

from . import selectors
from .filters import OrganisationFilterSet
from .models import Organisation


def directory(request):
    filterset = OrganisationFilterSet(request.GET)
    topic = filterset.values.get("onderwerp") or ""
    problems = filterset.problems
    return render(
        request,
        "organisations/directory.html",
        {
            "title": _("Organisaties in de wijk"),
            "organisations": selectors.organisation_list(topic=topic or None),
            "topics": selectors.topic_choices(),
            "current_topic": topic,
            "filter_notice": problems[0] if problems else None,
        },
    )


def detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.active().select_related("logo"), slug=slug)
    parts = [
        part
        for get_part in offered("organisation_page", "part")
        if (part := get_part(organisation=organisation))
    ]
    return render(request, "organisations/detail.html", {"organisation": organisation, "parts": parts})

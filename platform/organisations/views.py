from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from . import selectors
from .models import HelpTopic, Organisation


def directory(request):
    topic = request.GET.get("onderwerp", "").strip()
    notice = None
    if topic and topic not in HelpTopic.values:
        notice = _("Dit onderwerp kennen we niet. We tonen alle organisaties.")
        topic = ""
    return render(
        request,
        "organisations/directory.html",
        {
            "organisations": selectors.organisation_list(topic=topic or None),
            "topics": selectors.topic_choices(),
            "current_topic": topic,
            "filter_notice": notice,
        },
    )


def detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.active().select_related("logo"), slug=slug)
    return render(request, "organisations/detail.html", {"organisation": organisation})

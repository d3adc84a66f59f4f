from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

# The story index is a Wagtail page: its path is the slug the editors gave it under the home page.
STORY_INDEX_PATH = "/verhalen/"

MAIN_NAVIGATION = [
    (reverse_lazy("activities:agenda"), _("Agenda")),
    (reverse_lazy("activities:walk_in_hours"), _("Inloopspreekuren")),
    (reverse_lazy("marketplace:list"), _("Vraag en aanbod")),
    (STORY_INDEX_PATH, _("Verhalen")),
    (reverse_lazy("organisations:directory"), _("Organisaties")),
]


def site_navigation(request):
    path = getattr(request, "path", "/")
    return {
        "main_navigation": [
            {"url": str(url), "label": label, "active": path.startswith(str(url))}
            for url, label in MAIN_NAVIGATION
        ],
    }

from django.utils.translation import gettext_lazy as _

MAIN_NAVIGATION = [
    ("/agenda/", _("Agenda")),
    ("/inloopspreekuren/", _("Inloopspreekuren")),
    ("/vraag-en-aanbod/", _("Vraag en aanbod")),
    ("/verhalen/", _("Verhalen")),
    ("/organisaties/", _("Organisaties")),
]


def site_navigation(request):
    path = getattr(request, "path", "/")
    return {
        "main_navigation": [
            {"url": url, "label": label, "active": path.startswith(url)} for url, label in MAIN_NAVIGATION
        ],
    }

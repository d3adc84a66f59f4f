from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.static import serve
from django_ratelimit.exceptions import Ratelimited


def page_not_found(request, exception=None):
    return render(request, "404.html", {"title": _("Pagina niet gevonden")}, status=404)


def permission_denied(request, exception=None):
    """The Dutch 403 page: why not, and where to go instead. Also for Django's and Wagtail's PermissionDenied."""
    if isinstance(exception, Ratelimited):
        return render(request, "429.html", {"title": _("Even wachten")}, status=429)
    reason = str(exception or "")
    if not request.user.is_authenticated:
        reason = reason or _("Deze pagina is alleen voor mensen die zijn ingelogd.")
    return render(
        request,
        "403.html",
        {
            "title": _("Geen toegang"),
            "reason": reason or _("Deze pagina is niet voor uw account bedoeld."),
            "next": request.get_full_path(),
        },
        status=403,
    )


def bad_request(request, exception=None):
    return render(request, "400.html", {"title": _("Dat begrijpen we niet")}, status=400)


def server_error(request):
    # No context processors that may fail again: a plain render of a self-contained page.
    return HttpResponseServerError(loader.get_template("500.html").render())


def accessibility(request):
    return render(request, "home/accessibility.html", {"title": _("Toegankelijkheid")})


def page_not_found_preview(request):
    return page_not_found(request)


def permission_denied_preview(request):
    return permission_denied(request)


def server_error_preview(request):
    return server_error(request)


def media_rendition(request, path: str):
    """Renditions of images, from MEDIA_ROOT, when Django serves media itself (`make run`)."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)

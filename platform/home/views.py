from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    """The Dutch 403 page: why not, and where to go instead. Also for Django's and Wagtail's PermissionDenied."""
    reason = str(exception or "")
    if not request.user.is_authenticated:
        reason = reason or _("Deze pagina is alleen voor mensen die zijn ingelogd.")
    return render(
        request,
        "403.html",
        {
            "reason": reason or _("Deze pagina is niet voor uw account bedoeld."),
            "next": request.get_full_path(),
        },
        status=403,
    )


def server_error(request):
    # No context processors that may fail again: a plain render of a self-contained page.
    return HttpResponseServerError(loader.get_template("500.html").render())


def accessibility(request):
    return render(request, "home/accessibility.html")


def page_not_found_preview(request):
    return page_not_found(request)


def permission_denied_preview(request):
    return permission_denied(request)


def server_error_preview(request):
    return server_error(request)

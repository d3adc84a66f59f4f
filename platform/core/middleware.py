"""Turn an ApplicationError that no view caught into a Dutch 4xx page; security headers on every response."""

from django.conf import settings
from django.shortcuts import render

from .exceptions import ApplicationError


class ApplicationErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, ApplicationError):
            return render_application_error(request, exception)
        return None


def render_application_error(request, error: ApplicationError):
    return render(request, "core/application_error.html", {"error": error}, status=error.status)


class SecurityHeadersMiddleware:
    """Headers for every response: a Permissions-Policy, and Clear-Site-Data when the user logged out.

    Logging out clears what the browser kept for the site (the service worker's cache and storage), so the
    next person on a shared phone sees nothing of the last one.
    """

    CLEAR_SITE_DATA = '"cache", "storage"'

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        if getattr(request, "logged_out", False):
            response["Clear-Site-Data"] = self.CLEAR_SITE_DATA
        return response


def mark_logged_out(sender, request=None, **kwargs):
    """Connected to `user_logged_out`: the response to this request clears the site's data."""
    if request is not None:
        request.logged_out = True

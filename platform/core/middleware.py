"""Turn an ApplicationError that no view caught, or a bare "method not allowed", into a Dutch 4xx page;
security headers on every response."""

import re

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext as _

from .exceptions import ApplicationError
from .text import has_control_characters, without_control_characters


class ApplicationErrorMiddleware(MiddlewareMixin):
    def process_exception(self, request, exception):
        if isinstance(exception, ApplicationError):
            return render_application_error(request, exception)
        return None

    def process_response(self, request, response):
        """`require_POST` answers an opened form address with an empty 405: say what happened instead."""
        if response.status_code != 405 or response.streaming or response.content:
            return response
        page = render(
            request,
            "error_page.html",
            {
                "title": _("Deze pagina opent u niet zo"),
                "message": _(
                    "Dit adres is er alleen om een formulier te versturen. "
                    "Ga terug naar de vorige pagina en probeer het daar opnieuw."
                ),
            },
            status=405,
        )
        if "Allow" in response.headers:
            page["Allow"] = response["Allow"]
        return page


def render_application_error(request, error: ApplicationError):
    return render(
        request,
        "error_page.html",
        {"title": _("Dat gaat niet"), "message": error.message},
        status=error.status,
    )


class SecurityHeadersMiddleware:
    """Headers for every response: a Permissions-Policy, Clear-Site-Data when the user logged out, and the
    admin's own Content-Security-Policy (django-csp covers the rest of the site).

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
        admin_policy = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", "")
        if admin_policy and request.path.startswith(tuple(getattr(settings, "ADMIN_URL_PREFIXES", ()))):
            response.headers.setdefault("Content-Security-Policy", admin_policy)
        return response


def mark_logged_out(sender, request=None, **kwargs):
    """Connected to `user_logged_out`: the response to this request clears the site's data."""
    if request is not None:
        request.logged_out = True


class SnippetChooserPermissionMiddleware:
    """The Wagtail admin's snippet choosers list a model's rows only to users who may see that model.

    Wagtail's choosers check that the user may open the admin, not that they may see the model: without this
    every admin user could read every notice and membership through `/admin/snippets/choose/<app>/<model>/`.
    """

    PATTERN = re.compile(r"^/admin/snippets/choose/(?P<app_label>[\w-]+)/(?P<model_name>[\w-]+)/")
    ACTIONS = ("view", "add", "change", "delete")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = self.PATTERN.match(request.path)
        if match and not self._may_see(request.user, **match.groupdict()):
            raise PermissionDenied
        return self.get_response(request)

    def _may_see(self, user, *, app_label: str, model_name: str) -> bool:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            return True  # not a model: Wagtail answers 404 itself
        opts = model._meta
        return any(user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}") for action in self.ACTIONS)


class InputCharactersMiddleware:
    """A NUL character in the query string or a form field answers 400: PostgreSQL cannot store or compare
    a text with a NUL in it, and no form or filter ever needs one.

    Other control characters (an escape, a bell) and the marks that turn text around (U+202E) leave what is
    typed into a form: nobody types them on purpose, and they break the RSS feed, the iCalendar files and
    how a name reads to others. Tabs and line breaks stay. Passwords are left as they are.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            "\x00" in request.path
            or _has_nul(request.GET)
            or (request.method == "POST" and _form_body(request) and _has_nul(request.POST))
        ):
            error = ApplicationError(
                _("Uw invoer bevat een teken dat niet kan. Haal het weg en probeer het opnieuw.")
            )
            return render_application_error(request, error)
        if request.method == "POST" and _form_body(request):
            request.POST = _without_control_characters(request.POST)
        return self.get_response(request)


def _without_control_characters(query):
    if not any(has_control_characters(value) for _key, values in query.lists() for value in values):
        return query
    cleaned = query.copy()
    for key, values in query.lists():
        if "password" not in key:
            cleaned.setlist(key, [without_control_characters(value) for value in values])
    cleaned._mutable = False
    return cleaned


def _form_body(request) -> bool:
    content_type = request.META.get("CONTENT_TYPE", "")
    return content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))


def _has_nul(query) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in query.lists())

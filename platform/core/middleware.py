"""Turn an ApplicationError that no view caught into a Dutch 4xx page."""

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

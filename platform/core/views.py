"""What the views of every app share."""

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _

from .exceptions import ApplicationError


def run_service(request, service: Callable[..., object], /, *, success: str, **kwargs) -> bool:
    """Call a writing service for a button: "the rules say no" becomes an error message, else `success`.

    Returns whether the service succeeded, for views that redirect differently.
    """
    try:
        service(**kwargs)
    except ApplicationError as error:
        messages.error(request, str(error))
        return False
    messages.success(request, success)
    return True


def csrf_failure(request, reason: str = ""):
    """A form sent without its security token: mostly one left open too long, or from before a logout."""
    return render(
        request,
        "error_page.html",
        {
            "title": _("Dit formulier is verlopen"),
            "message": _(
                "Het formulier stond te lang open, of u bent intussen uit- of ingelogd. "
                "Ga terug, laad de pagina opnieuw en probeer het nog een keer."
            ),
        },
        status=403,
    )

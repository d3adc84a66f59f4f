"""What the views of every app share."""

from collections.abc import Callable

from django.contrib import messages

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

"""One error for "the rules say no", raised by services and shown to the user in one place.

A service raises ``ApplicationError(_("…"))`` with a message the user may read. Views that hold a form
put it on the form with :func:`core.forms.add_application_error`; anywhere else the middleware turns it
into a Dutch page with a 4xx status (see :mod:`core.middleware`).
"""

from __future__ import annotations

from http import HTTPStatus


class ApplicationError(Exception):
    """A rule of the platform refused a request; ``message`` is safe to show to the user.

    ``field`` names the form field the message belongs to (None: the whole form); ``code`` is a short
    machine word. ``forbidden`` answers 403, ``not_found`` 404, ``conflict`` 409, ``too_many`` 429, anything else 400.
    """

    STATUS = {
        "forbidden": HTTPStatus.FORBIDDEN,
        "not_found": HTTPStatus.NOT_FOUND,
        "conflict": HTTPStatus.CONFLICT,
        "too_many": HTTPStatus.TOO_MANY_REQUESTS,
    }

    def __init__(self, message, *, field: str | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code

    @property
    def status(self) -> int:
        return int(self.STATUS.get(self.code, HTTPStatus.BAD_REQUEST))

    def __str__(self) -> str:
        return str(self.message)

"""Staff accounts reach the admin and the moderation pages only with a second factor; a suspended account
that still has a session is logged out at its next request."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from . import roles, selectors
from .views import suspended


class SuspendedAccountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.suspended_at is not None:
            reason = user.suspension_reason
            logout(request)
            return suspended(request, reason=reason)
        return self.get_response(request)


AFTER_SET_UP = "second_factor_next"


class StaffSecondFactorMiddleware:
    """Send a staff account without an authenticator app to the page that sets one up.

    allauth asks for the second factor at every login once one is set up; this middleware makes sure staff
    cannot skip setting it up. It only looks at the protected paths (`MFA_REQUIRED_PATH_PREFIXES`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up(request):
            # Where they were going: the page of their recovery codes leads on to it.
            request.session[AFTER_SET_UP] = request.get_full_path()
            messages.warning(
                request,
                _("Voor dit deel van de site is een tweede stap bij het inloggen nodig. Stel die eerst in."),
            )
            return redirect("mfa_activate_totp")
        if request.path.startswith(tuple(getattr(settings, "MFA_REQUIRED_PATH_PREFIXES", ()))):
            request.session.pop(AFTER_SET_UP, None)  # arrived: the recovery codes page no longer leads on
        return self.get_response(request)

    def _must_set_up(self, request) -> bool:
        prefixes = getattr(settings, "MFA_REQUIRED_PATH_PREFIXES", ())
        if not request.path.startswith(tuple(prefixes)):
            return False
        user = request.user
        return roles.is_staff_account(user) and not selectors.has_second_factor(user=user)

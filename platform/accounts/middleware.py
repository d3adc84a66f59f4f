"""A suspended account that still has a session is logged out at its next request."""

from django.contrib.auth import logout
from django.shortcuts import render


class SuspendedAccountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.suspended_at is not None:
            reason = user.suspension_reason
            logout(request)
            return render(request, "accounts/suspended.html", {"reason": reason}, status=403)
        return self.get_response(request)

"""Liveness (the process answers) and readiness (what it depends on answers), as JSON."""

import logging

from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from . import health

logger = logging.getLogger("ops")


@never_cache
def live(request):
    return JsonResponse({"status": "ok"})


def _run(check) -> tuple[bool, str]:
    try:
        return check()
    except Exception as error:  # noqa: BLE001 - a failing dependency is a finding, not a crash
        logger.warning("health check %s failed: %s", check.__name__, error)
        return False, type(error).__name__


@never_cache
def ready(request):
    checks, required_ok, optional_ok = {}, True, True
    for name, check in health.REQUIRED.items():
        ok, detail = _run(check)
        checks[name] = {"ok": ok, "detail": detail, "required": True}
        required_ok &= ok
    for name, check in health.OPTIONAL.items():
        ok, detail = _run(check)
        checks[name] = {"ok": ok, "detail": detail, "required": False}
        optional_ok &= ok
    status = "ok" if required_ok and optional_ok else ("degraded" if required_ok else "down")
    return JsonResponse({"status": status, "checks": checks}, status=200 if required_ok else 503)

"""/mijn/meldingen/: the personal notifications of the logged-in user."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from core.exceptions import ApplicationError

from . import emails, selectors, services
from .forms import DeviceForm, PreferencesForm
from .kinds import Kind
from .models import Notification


@login_required
def notification_list(request):
    return render(
        request,
        "notifications/notification_list.html",
        {"title": _("Mijn meldingen"), "notifications": selectors.notification_list(user=request.user)},
    )


@login_required
@require_POST
def read_all(request):
    services.mark_read(user=request.user)
    messages.success(request, _("Alle meldingen zijn gelezen."))
    return redirect("notifications:list")


@login_required
@require_POST
def open_notification(request, notification_id):
    notification = get_object_or_404(Notification.objects.for_user(request.user), pk=notification_id)
    services.mark_read(user=request.user, ids=[notification.pk])
    target = notification.url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:list")


# Messages about these settings stand in their own section of /mijn/, where the page opens after saving.
SECTION = "meldingen"


def _mine():
    return redirect(reverse("accounts:mine") + f"#sectie-{SECTION}")


@login_required
@require_POST
def save_preferences(request):
    form = PreferencesForm(request.POST, rows=selectors.settings_for(user=request.user))
    if not form.is_valid():
        messages.error(request, _("Deze keuze kennen we niet. Probeer het opnieuw."), extra_tags=SECTION)
        return _mine()
    services.set_preferences(user=request.user, choices=form.choices())
    messages.success(request, _("Uw keuzes voor meldingen zijn opgeslagen."), extra_tags=SECTION)
    return _mine()


@login_required
@require_POST
@ratelimit(key="user", rate="30/h", method="POST", block=False)
def add_device(request):
    """push.js posts the subscription as JSON; a plain form post works too. Answers JSON."""
    if getattr(request, "limited", False):
        return JsonResponse(
            {"error": _("Dat waren veel pogingen. Probeer het over een uur opnieuw.")}, status=429
        )
    data = request.POST
    if request.content_type == "application/json":
        try:
            body = json.loads(request.body or b"{}")
            keys = body.get("keys") or {}
            data = {
                "endpoint": body.get("endpoint", ""),
                "p256dh": keys.get("p256dh", ""),
                "auth": keys.get("auth", ""),
                "label": body.get("label", ""),
            }
        except (ValueError, AttributeError):
            data = {}
    form = DeviceForm(data)
    if not form.is_valid():
        return JsonResponse({"error": _("Dit apparaat kon niet worden aangemeld.")}, status=400)
    try:
        services.add_device(user=request.user, **form.cleaned_data)
    except ApplicationError as error:
        return JsonResponse({"error": str(error.message)}, status=400)
    return JsonResponse({"ok": True, "message": _("Meldingen staan aan op dit apparaat.")}, status=201)


@login_required
@require_POST
def remove_device(request, subscription_id):
    if services.remove_device(user=request.user, subscription_id=subscription_id):
        messages.success(request, _("Dit apparaat krijgt geen pushberichten meer."), extra_tags=SECTION)
    return _mine()


@csrf_exempt  # RFC 8058: the mail program posts without a session or token; the signed link is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    target = emails.read_unsubscribe_token(token)
    if target is None:
        return _unsubscribe_page(request, {"invalid": True}, status=400)
    if request.method == "POST":
        kinds = services.unsubscribe(target=target)
        return _unsubscribe_page(request, {"done": True, "labels": _labels(kinds)})
    labels = _labels([target.kind]) if target.kind else []
    return _unsubscribe_page(request, {"labels": labels, "period": target.period, "token": token})


def _unsubscribe_page(request, context: dict, status: int = 200):
    context = {"title": _("Geen e-mail meer"), **context}
    return render(request, "notifications/unsubscribe.html", context, status=status)


def _labels(kinds: list[str]) -> list[str]:
    return [Kind(kind).label for kind in kinds]

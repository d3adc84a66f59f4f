"""/mijn/meldingen/: the personal notifications of the logged-in user."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .models import Notification


@login_required
def notification_list(request):
    return render(
        request,
        "notifications/notification_list.html",
        {"notifications": selectors.notification_list(user=request.user)},
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

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.roles import is_moderator
from core.exceptions import ApplicationError

from .. import selectors, services
from ..forms import ReportForm
from ..models import Listing, Message, Report


def _moderator_only(request):
    if not is_moderator(request.user):
        raise ApplicationError(_("Alleen moderatoren mogen dit."), code="forbidden")


@login_required
def queue(request):
    _moderator_only(request)
    return render(request, "marketplace/moderation.html", selectors.moderation_queue())


@login_required
@require_POST
def approve(request, pk: int):
    _moderator_only(request)
    listing = get_object_or_404(Listing, pk=pk, is_pending=True)
    services.approve_listing(listing=listing, by=request.user)
    messages.success(request, _("Goedgekeurd: %(title)s") % {"title": listing.title})
    return redirect("marketplace:moderation")


@login_required
@require_POST
def hide_listing(request, pk: int):
    _moderator_only(request)
    services.hide_listing(listing=get_object_or_404(Listing, pk=pk), by=request.user)
    messages.success(request, _("Verborgen."))
    return redirect("marketplace:moderation")


@login_required
@require_POST
def hide_message(request, pk: int):
    _moderator_only(request)
    services.hide_message(message=get_object_or_404(Message, pk=pk), by=request.user)
    messages.success(request, _("Verborgen."))
    return redirect("marketplace:moderation")


@login_required
@require_POST
def dismiss(request, pk: int):
    _moderator_only(request)
    services.dismiss_report(report=get_object_or_404(Report, pk=pk, handled_at__isnull=True), by=request.user)
    messages.success(request, _("Melding afgehandeld."))
    return redirect("marketplace:moderation")


@login_required
@require_http_methods(["GET", "POST"])
def report_listing(request, pk: int):
    listing = selectors.listing_for(pk=pk, user=request.user)
    if listing is None:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report_content(reporter=request.user, listing=listing, **form.cleaned_data)
        messages.success(request, _("Dank u. Een moderator kijkt ernaar."))
        return redirect(listing)
    return render(
        request,
        "marketplace/report_form.html",
        {"form": form, "target": listing.title, "back": listing.get_absolute_url()},
        status=400 if request.method == "POST" else 200,
    )

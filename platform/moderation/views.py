"""The one moderation queue at /moderatie/ (moderators), and the report form on everything reportable."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts.roles import is_moderator
from core.exceptions import ApplicationError
from core.forms import add_application_error
from core.ratelimit import limit_posts

from . import registry, selectors, services
from .filters import QueueFilterSet, kind_choices
from .forms import DecisionForm, ReportForm, SuspendForm
from .models import Action

DONE = {
    Action.APPROVE: gettext_lazy("Goedgekeurd."),
    Action.HIDE: gettext_lazy("Verborgen. De schrijver leest de reden."),
    Action.UNHIDE: gettext_lazy("Weer zichtbaar."),
    Action.REQUEST_CHANGES: gettext_lazy("Uw vraag om aanpassing is verstuurd."),
    Action.DISMISS: gettext_lazy("Melding afgehandeld. Er verandert niets."),
}


def _moderator_only(request) -> None:
    if not is_moderator(request.user):
        raise ApplicationError(_("Alleen moderatoren mogen dit."), code="forbidden")


def _item_or_404(kind: str, pk: int):
    found = selectors.item(kind_name=kind, pk=pk)
    if found is None:
        raise Http404
    return found


@login_required
def queue(request):
    _moderator_only(request)
    filterset = QueueFilterSet(request.GET)
    for problem in filterset.problems:
        messages.warning(request, problem)
    current = filterset.values.get("soort") or None
    return render(
        request,
        "moderation/queue.html",
        {
            "title": _("Moderatie"),
            "items": selectors.queue(kind_name=current),
            "recent": selectors.recent_decisions(),
            "kinds": kind_choices(),
            "current": current,
        },
    )


@login_required
def item(request, kind: str, pk: int):
    _moderator_only(request)
    return render(request, "moderation/item.html", {"item": _item_or_404(kind, pk), "form": DecisionForm()})


def _back(request) -> str:
    """Where a decision returns to: the page it was made on (the queue or the item), else the queue."""
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return reverse("moderation:queue")
    return back


@login_required
@require_POST
def decide(request, kind: str, pk: int):
    _moderator_only(request)
    _item_or_404(kind, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        action = form.cleaned_data["action"]
        try:
            services.decide(
                kind_name=kind, pk=pk, action=action, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, DONE[action])
            return redirect(_back(request))
    # The form comes back on the item's page; once it goes through, it returns where it was first sent from.
    return render(
        request,
        "moderation/item.html",
        {"item": _item_or_404(kind, pk), "form": form, "back": _back(request)},
        status=400,
    )


@login_required
@require_http_methods(["GET", "POST"])
@limit_posts("report")
def report(request, kind: str, pk: int):
    found = registry.kind_named(kind)
    obj = found.get(pk) if found else None
    if obj is None or not found.may_report(user=request.user, obj=obj):
        raise Http404
    form = ReportForm(request.POST or None)
    back = getattr(found, "back_url", found.url)(obj) or reverse("wagtail_serve", args=[""])
    if request.method == "POST" and form.is_valid():
        try:
            services.report(reporter=request.user, kind_name=kind, pk=pk, **form.cleaned_data)
        except ApplicationError as error:
            if error.code != "conflict":
                raise
            messages.info(request, str(error))
            return redirect(back)
        messages.success(request, _("Dank u. Een moderator kijkt ernaar."))
        return redirect(back)
    return render(
        request,
        "moderation/report_form.html",
        {
            "form": form,
            "label": found.label,
            "target": found.title(obj),
            "excerpt": found.text(obj),
            "back": back,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def account(request, pk: int):
    _moderator_only(request)
    person = selectors.account(pk=pk)
    if person is None:
        raise Http404
    form = SuspendForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                if person.suspended_at is None:
                    services.suspend_account(user=person, by=request.user, reason=form.cleaned_data["reason"])
                    messages.success(request, _("Het account is geschorst."))
                else:
                    services.lift_suspension(user=person, by=request.user, reason=form.cleaned_data["reason"])
                    messages.success(request, _("De schorsing is opgeheven."))
            except ApplicationError as error:
                add_application_error(form, error)
                status = error.status
            else:
                return redirect("moderation:account", pk=person.pk)
    return render(
        request,
        "moderation/account.html",
        {"person": person, "form": form, "decisions": selectors.account_decisions(user=person)},
        status=status,
    )

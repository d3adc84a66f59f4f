from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.exceptions import ApplicationError
from core.ratelimit import limit_posts
from core.views import run_service

from . import selectors, services
from .forms import NoticeForm, StatusForm
from .models import Membership, Notice, PreventionGroup


def _group(slug: str) -> PreventionGroup:
    return get_object_or_404(PreventionGroup, slug=slug, is_active=True)


def _member_group(request, slug: str) -> tuple[PreventionGroup, Membership]:
    """The group and the user's approved membership; 404 for unknown groups, 403 for non-members."""
    group = _group(slug)
    membership = selectors.membership_of(user=request.user, group=group)
    if membership is None or not membership.is_approved:
        raise PermissionDenied
    return group, membership


def group_list(request):
    return render(
        request,
        "notices/group_list.html",
        {"title": _("Buurtpreventie"), "groups": selectors.group_list(user=request.user)},
    )


@login_required
@limit_posts("notice")
def group_feed(request, slug):
    group = _group(slug)
    membership = selectors.membership_of(user=request.user, group=group)
    if membership is None or not membership.is_approved:
        return render(
            request, "notices/not_a_member.html", {"group": group, "membership": membership}, status=403
        )
    form = NoticeForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.post_notice(group=group, author=request.user, **form.cleaned_data)
            except ApplicationError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Uw melding staat in de groep."))
                return redirect(group.get_absolute_url())
        else:
            messages.error(
                request, _("Uw melding is nog niet geplaatst. Kijk naar de opmerkingen bij het formulier.")
            )
    # Where live news starts is read before the feed: a notice posted in between comes live, not never.
    last_notice = selectors.newest_notice_id(user=request.user)
    notices = selectors.feed(group=group, user=request.user)
    show_seen = [
        n for n in notices if n.is_urgent and (membership.is_coordinator or n.author_id == request.user.pk)
    ]
    seen = selectors.seen_by(notices=show_seen)
    for notice in notices:
        notice.seen_names = seen.get(notice.pk)
    return render(
        request,
        "notices/feed.html",
        {
            "group": group,
            "membership": membership,
            "notices": notices,
            "form": form,
            "status_choices": Notice.Status.choices[1:],
            "level_choices": Notice.Level.choices,
            "last_notice": last_notice,
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def join(request, slug):
    group = _group(slug)
    membership = services.request_membership(group=group, user=request.user)
    if membership.is_approved:
        messages.info(request, _("U bent al lid van deze groep."))
        return redirect(group.get_absolute_url())
    messages.success(request, _("Uw aanvraag is verstuurd. De coördinator laat het u weten."))
    return redirect("notices:groups")


@login_required
def members(request, slug):
    group, membership = _member_group(request, slug)
    return render(
        request,
        "notices/members.html",
        {
            "group": group,
            "membership": membership,
            "members": selectors.members(group=group),
            "requests": selectors.pending_requests(group=group) if membership.is_coordinator else [],
        },
    )


@login_required
@require_POST
def decide_membership(request, slug, membership_id):
    group, mine = _member_group(request, slug)
    if not mine.is_coordinator:
        raise PermissionDenied
    request_ = get_object_or_404(
        Membership.objects.select_related("group", "user"), pk=membership_id, group=group
    )
    decision = request.POST.get("besluit")
    if decision == "goedkeuren":
        services.approve_membership(membership=request_, by=request.user)
        messages.success(request, _("%(name)s is nu lid.") % {"name": request_.user.public_name})
    elif decision == "afwijzen":
        run_service(
            request,
            services.decline_membership,
            membership=request_,
            by=request.user,
            success=_("De aanvraag is afgewezen."),
        )
    else:
        messages.error(request, _("Kies goedkeuren of afwijzen."))
        return redirect("notices:members", slug=group.slug)
    return redirect("notices:members", slug=group.slug)


def _member_notice(request, slug, notice_id) -> Notice:
    group, _membership = _member_group(request, slug)
    notice = Notice.objects.active().filter(group=group, pk=notice_id).select_related("group").first()
    if notice is None:
        raise Http404
    return notice


@login_required
@require_POST
def acknowledge(request, slug, notice_id):
    notice = _member_notice(request, slug, notice_id)
    _ack, created = services.acknowledge_notice(notice=notice, user=request.user)
    messages.success(
        request, _("U heeft deze melding gezien.") if created else _("U had deze melding al gezien.")
    )
    return redirect(f"{notice.group.get_absolute_url()}#melding-{notice.pk}")


@login_required
@require_POST
def set_status(request, slug, notice_id):
    notice = _member_notice(request, slug, notice_id)
    form = StatusForm(request.POST)
    if form.is_valid():
        run_service(
            request,
            services.set_notice_status,
            notice=notice,
            status=form.cleaned_data["status"],
            by=request.user,
            success=_("De status is aangepast."),
        )
    else:
        messages.error(request, _("Deze status kennen we niet. Er is niets veranderd."))
    return redirect(f"{notice.group.get_absolute_url()}#melding-{notice.pk}")


def _since(request, name: str) -> int | None:
    raw = request.GET.get(name)
    if raw in (None, ""):
        return None
    if not raw.isdigit():
        raise ValueError(name)
    return int(raw)


def _poll(request, group: PreventionGroup | None):
    try:
        last_notice = _since(request, "since_notice")
        if last_notice is None:
            last_notice = _since(request, "since")
        last_notification = _since(request, "since_notification")
    except ValueError:
        return JsonResponse({"error": _("Geef een geldig nummer op.")}, status=400)
    items = selectors.catch_up(
        user=request.user, last_notice=last_notice, last_notification=last_notification, group=group
    )
    return JsonResponse({"messages": items})


@require_GET
def live(request):
    """Polling fallback: the same messages as the WebSocket, for every group of the user."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Log eerst in.")}, status=403)
    return _poll(request, None)


@require_GET
def group_live(request, slug):
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Log eerst in.")}, status=403)
    group, _membership = _member_group(request, slug)
    return _poll(request, group)

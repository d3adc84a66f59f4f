"""Thin views: parse input, call one selector or service, render."""

from datetime import timedelta
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.roles import is_moderator
from accounts.services import has_verified_email
from accounts.views import verify_email_first
from core.exceptions import ApplicationError
from core.forms import add_application_error
from core.ratelimit import limit_posts
from core.site import absolute
from organisations.selectors import organisations_of

from . import attendance, selectors, seo, services
from .filters import KIND_CHOICES, WHEN_CHOICES, AgendaFilterSet
from .forms import ActivityForm, CancelActivityForm, CancelDateForm, EndSeriesForm, MoveDateForm
from .ical import activity_calendar, occurrences_calendar
from .models import Activity, Audience, Category, Location, Occurrence

PAGE_SIZE = 40
MANAGED_PAGE_SIZE = 20
FEED_DAYS = 56
PRINT_LIMIT = 300


def _base_url(request) -> str:
    """Calendar entries carry the public address (SITE_URL), whichever host the feed was fetched from."""
    return settings.SITE_URL


def _day_label(day, today) -> str:
    if day == today:
        return _("Vandaag")
    if (day - today).days == 1:
        return _("Morgen")
    return ""


@login_required
def managed(request):
    """Every activity one keeps current (one's own and one's organisations'), what needs doing first."""
    page = Paginator(selectors.my_activities(user=request.user), MANAGED_PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "activities/managed.html",
        {
            "title": _("Mijn activiteiten en spreekuren"),
            "page": page,
            "activities": selectors.with_next_dates(page.object_list),
        },
    )


def agenda(request):
    if request.GET.get("datum"):
        # "Of kies een dag" of the filter form: the day becomes `wanneer`, as its chip and links know it
        query = request.GET.copy()
        query["wanneer"] = query.pop("datum")[-1]
        query.pop("pagina", None)
        return redirect(f"{reverse('activities:agenda')}?{query.urlencode()}")
    today = timezone.localdate()
    filters = AgendaFilterSet(request.GET)
    page = Paginator(selectors.agenda_occurrences(filters=filters, with_going=True), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    days = [(day, _day_label(day, today), items) for day, items in selectors.group_by_day(page.object_list)]
    query = request.GET.copy()
    query.pop("pagina", None)
    next_week = query.copy()
    next_week["wanneer"] = "volgende-week"
    return render(
        request,
        "activities/agenda.html",
        {
            "title": _("Agenda"),
            "filters": filters,
            "chosen": filters.values,
            "problems": filters.problems,
            "page": page,
            "days": days,
            # a chosen day is one of the choices too, so that it stays when another filter is chosen
            "when_choices": WHEN_CHOICES
            + ([(filters.when, filters.when_label)] if filters.when not in dict(WHEN_CHOICES) else []),
            "last_day": today + timedelta(days=366),
            "current_when": filters.when,
            "today": today,
            "chosen_chips": filters.chosen(),
            "next_week_query": next_week.urlencode() if filters.when == "week" else "",
            "categories": Category.choices,
            "audiences": Audience.choices,
            "kinds": KIND_CHOICES,
            "locations": Location.objects.order_by("name"),
            "query": query.urlencode(),
        },
    )


def agenda_feed(request):
    filters = AgendaFilterSet(request.GET, default_days=FEED_DAYS)
    occurrences = selectors.agenda_occurrences(filters=filters)[:2000]
    body = occurrences_calendar(
        occurrences=occurrences, name="Agenda Wij(k) de Ruwaard", base_url=_base_url(request)
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda-ruwaard.ics"'
    return response


def agenda_print(request):
    today = timezone.localdate()
    filters = AgendaFilterSet(request.GET)
    occurrences = selectors.agenda_occurrences(filters=filters).filter(is_cancelled=False)[:PRINT_LIMIT]
    days = [(day, _day_label(day, today), items) for day, items in selectors.group_by_day(occurrences)]
    first_day, end = filters.period
    return render(
        request,
        "activities/print_week.html",
        {
            "problems": filters.problems,
            "chosen_labels": filters.chosen_labels(),
            "days": days,
            "first_day": first_day,
            "last_day": end - timedelta(days=1),
            "agenda_url": request.build_absolute_uri(reverse("activities:agenda")),
        },
    )


def _visible_activity(request, slug: str) -> Activity:
    """The activity if this visitor may see it; `activity.can_manage` says whether they may change it."""
    activity = get_object_or_404(
        Activity.objects.select_related("location", "organisation", "owner", "image"), slug=slug
    )
    activity.can_manage = services.can_manage(user=request.user, activity=activity)
    owner_suspended = activity.owner is not None and activity.owner.suspended_at is not None
    if (activity.status != Activity.Status.PUBLISHED or owner_suspended) and not activity.can_manage:
        raise Http404
    return activity


def detail(request, slug):
    activity = _visible_activity(request, slug)
    url = request.build_absolute_uri(activity.get_absolute_url())
    occurrences = selectors.upcoming_occurrences_with_places(
        activity=activity, user=request.user, guest_attendances=attendance.guest_sign_ups(request.session)
    )
    for occurrence in occurrences:  # a guest signs off through the link of their mail, or this one
        if occurrence.mine is not None and occurrence.mine.user_id is None:
            occurrence.cancel_url = reverse(
                "activities:guest_cancel",
                kwargs={"token": attendance.guest_token(attendance=occurrence.mine)},
            )
    next_date = next((o for o in occurrences if not o.is_cancelled), None)
    return render(
        request,
        "activities/detail.html",
        {
            "activity": activity,
            "occurrences": occurrences,
            "whatsapp_url": "https://wa.me/?text=" + quote(f"{activity.title} – {url}"),
            "can_manage": activity.can_manage,
            "can_approve": activity.status == Activity.Status.PENDING and is_moderator(request.user),
            "json_ld": seo.json_ld(seo.event_data(activity=activity, occurrences=occurrences)),
            "open_graph": seo.open_graph(activity=activity, image_url=_share_image(activity)),
            "calendar": _calendar_links(activity, next_date),
            "is_moderator": is_moderator(request.user),
        },
    )


def _share_image(activity: Activity) -> str:
    """The photo as a 1200×630 JPEG for link previews (WhatsApp, Facebook); none when it cannot be made."""
    if activity.image is None:
        return ""
    try:
        return activity.image.get_rendition("fill-1200x630|format-jpeg").url
    except OSError:  # wagtail SourceImageIOError: the original file is missing
        return ""


def _calendar_links(activity: Activity, occurrence: Occurrence | None) -> dict:
    ics = absolute(reverse("activities:ical", kwargs={"slug": activity.slug}))
    links = {
        "webcal_activity": seo.webcal(ics),
        "webcal_agenda": seo.webcal(absolute(reverse("activities:feed"))),
    }
    if occurrence is not None:
        links["date"] = occurrence.start
        links["google"] = seo.google_link(activity=activity, occurrence=occurrence)
        links["outlook"] = seo.outlook_link(activity=activity, occurrence=occurrence)
    return links


def detail_print(request, slug):
    activity = _visible_activity(request, slug)
    return render(
        request,
        "activities/print_detail.html",
        {"activity": activity, "occurrences": selectors.upcoming_occurrences(activity=activity, limit=6)},
    )


def detail_ical(request, slug):
    activity = _visible_activity(request, slug)
    moved = activity.occurrences.filter(is_moved=True, is_cancelled=False)
    body = activity_calendar(activity=activity, moved=moved, base_url=_base_url(request))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{activity.slug}.ics"'
    return response


def walk_in_hours(request):
    return render(
        request,
        "activities/walk_in_hours.html",
        {"title": _("Inloopspreekuren"), "groups": selectors.walk_in_hours()},
    )


@login_required
@limit_posts("activity")
def create(request):
    if not has_verified_email(request.user):
        return verify_email_first(request, then=_("Daarna kunt u een activiteit plaatsen."))
    organisations = organisations_of(user=request.user)
    form = ActivityForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.create_activity(
                by=request.user, organisation=form.cleaned_data.get("organisation"), **form.activity_fields()
            )
        except ApplicationError as error:
            add_application_error(form, error)
            return render(request, "activities/form.html", {"form": form, "creating": True}, status=400)
        if activity.status == Activity.Status.PUBLISHED:
            messages.success(request, _("Uw activiteit staat in de agenda."))
        else:
            messages.success(
                request, _("Dank u wel! Een moderator kijkt er snel naar. Daarna staat het in de agenda.")
            )
        return redirect(activity.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return render(request, "activities/form.html", {"form": form, "creating": True}, status=status)


def _managed_activity(request, slug) -> Activity:
    activity = get_object_or_404(Activity.objects.select_related("organisation", "location"), slug=slug)
    services.require_manager(user=request.user, activity=activity)
    return activity


@login_required
@limit_posts("activity")
def edit(request, slug):
    activity = _managed_activity(request, slug)
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        fields = form.activity_fields()
        stored = Activity.objects.get(pk=activity.pk)
        try:
            activity = services.update_activity(activity=stored, by=request.user, **fields)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            if activity.status == Activity.Status.PENDING:
                messages.success(
                    request, _("De wijzigingen zijn opgeslagen. Een moderator kijkt er eerst naar.")
                )
            else:
                messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect(activity.get_absolute_url())
    return render(
        request,
        "activities/form.html",
        {"form": form, "activity": activity, "end_form": EndSeriesForm()},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request, slug):
    """Ask first: calling off every date of an activity is not undone with one tap."""
    activity = _managed_activity(request, slug)
    form = CancelActivityForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.cancel_activity(activity=activity, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(
            request, _("De activiteit staat niet meer in de agenda. Wie zich had aangemeld, hoort het.")
        )
        return redirect("accounts:mine")
    return render(
        request,
        "activities/cancel.html",
        {
            "title": _("%(title)s helemaal afgelasten?") % {"title": activity.title},
            "activity": activity,
            "form": form,
            "signed_up": attendance.upcoming_attendances(activity=activity).count(),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def end_series(request, slug):
    activity = _managed_activity(request, slug)
    form = EndSeriesForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "activities/form.html",
            {"form": ActivityForm(instance=activity), "activity": activity, "end_form": form},
            status=400,
        )
    services.end_series(activity=activity, by=request.user, last_day=form.cleaned_data["last_day"])
    day = date_format(form.cleaned_data["last_day"], "l j F Y")
    messages.success(request, _("De reeks stopt na %(day)s.") % {"day": day})
    return redirect(activity.get_absolute_url())


@login_required
@require_POST
def approve(request, slug):
    activity = get_object_or_404(Activity, slug=slug, status=Activity.Status.PENDING)
    services.publish_activity(activity=activity, by=request.user)
    messages.success(request, _("Goedgekeurd: de activiteit staat in de agenda."))
    return redirect(activity.get_absolute_url())


@login_required
def occurrence(request, slug, pk):
    activity = _managed_activity(request, slug)
    item = get_object_or_404(Occurrence, pk=pk, activity=activity)
    item.activity = activity
    cancel_form, move_form = (
        CancelDateForm.for_date(item, prefix="afgelast"),
        MoveDateForm.for_date(item, prefix="verplaats"),
    )
    status = 200
    if request.method == "POST":
        action = request.POST.get("actie")
        if action == "afgelasten":
            cancel_form = CancelDateForm(request.POST, prefix="afgelast")
            if cancel_form.is_valid():
                services.cancel_occurrence(
                    occurrence=item, by=request.user, reason=cancel_form.cleaned_data["reason"]
                )
                messages.success(request, _("Deze datum gaat niet door. Bezoekers zien de reden."))
                return redirect(activity.get_absolute_url())
        elif action == "verplaatsen":
            move_form = MoveDateForm(request.POST, prefix="verplaats")
            if move_form.is_valid():
                start, end = move_form.start_end()
                services.move_occurrence(
                    occurrence=item,
                    by=request.user,
                    start=start,
                    end=end,
                    reason=move_form.cleaned_data["reason"],
                )
                messages.success(request, _("De datum is verplaatst."))
                return redirect(activity.get_absolute_url())
        elif action == "herstellen":
            services.restore_occurrence(occurrence=item, by=request.user)
            messages.success(request, _("Deze datum gaat weer door."))
            return redirect(activity.get_absolute_url())
        status = 400
    return render(
        request,
        "activities/occurrence.html",
        {"activity": activity, "occurrence": item, "cancel_form": cancel_form, "move_form": move_form},
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """The "gaat nog door" link from the reminder mail; no login needed.

    Opening the link (GET or HEAD, as mail scanners do) changes nothing: it shows one button, and the POST of
    that button confirms."""
    activity = services.activity_from_token(token)
    if activity is None:
        context = {"title": _("Deze link werkt niet meer"), "invalid": True}
        return render(request, "activities/confirm.html", context, status=400)
    if request.method == "POST" or not services.confirmation_token_is_unused(token=token, activity=activity):
        services.confirm_from_token(token=token, activity=activity)  # does nothing when used already
        context = {"title": _("Dank u wel!"), "activity": activity, "done": True}
        return render(request, "activities/confirm.html", context)
    context = {"title": _("Gaat het nog door?"), "activity": activity, "token": token}
    return render(request, "activities/confirm.html", context)

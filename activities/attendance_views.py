"""Views for "ik kom": signing up and off, the organiser's list, one's own agenda and its private feed."""

import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import ApplicationError
from core.forms import add_application_error
from core.ratelimit import limit_posts
from core.site import absolute

from . import attendance, selectors, services
from .forms import GuestAttendanceForm
from .ical import occurrences_calendar
from .models import Activity, Attendance, Occurrence


def _occurrence(slug: str, pk: int) -> Occurrence:
    return get_object_or_404(
        Occurrence.objects.select_related("activity__location"),
        pk=pk,
        activity__slug=slug,
        activity__status=Activity.Status.PUBLISHED,
    )


def _signed_up_message(request, item: Attendance) -> None:
    if not item.user_id and not item.guest_email:  # a guest we can only phone: promise no mail
        if item.status == Attendance.Status.WAITING:
            messages.info(
                request,
                _(
                    "Alle plaatsen zijn bezet. U staat op de wachtlijst. We kunnen u geen e-mail sturen. "
                    "Wilt u weten of er een plaats vrij is? Vraag het de organisator."
                ),
            )
        else:
            messages.success(
                request,
                _(
                    "Fijn dat u komt! U staat op de lijst van de organisator. We sturen u geen herinnering, "
                    "want we hebben geen e-mailadres van u. Kunt u toch niet? Laat het de organisator weten."
                ),
            )
    elif item.status == Attendance.Status.WAITING:
        messages.info(
            request,
            _(
                "Alle plaatsen zijn bezet. U staat op de wachtlijst. Komt er een plaats vrij, dan hoort u het."
            ),
        )
    else:
        messages.success(request, _("Fijn dat u komt! U krijgt de dag ervoor een herinnering."))


def attend(request, slug, pk):
    """One tap for a resident with an account; a short form for a guest when the organiser allows it."""
    occurrence = _occurrence(slug, pk)
    activity = occurrence.activity
    if request.user.is_authenticated:
        if request.method != "POST":
            return redirect(activity.get_absolute_url())
        item = attendance.attend(occurrence=occurrence, user=request.user)
        _signed_up_message(request, item)
        return redirect(activity.get_absolute_url())
    if not activity.guests_may_sign_up:
        return redirect_to_login(request.get_full_path())
    return _attend_as_guest(request, occurrence)


@limit_posts("guest")
def _attend_as_guest(request, occurrence: Occurrence):
    """Counted per address, so one phone cannot fill every place with made-up guests."""
    activity = occurrence.activity
    form = GuestAttendanceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = attendance.attend_as_guest(occurrence=occurrence, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            attendance.remember_guest_sign_up(request.session, attendance=item)
            _signed_up_message(request, item)
            return redirect(activity.get_absolute_url())
    return render(
        request,
        "activities/attend_guest.html",
        {
            "title": _("Ik kom: %(title)s") % {"title": activity.title},
            "activity": activity,
            "occurrence": occurrence,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def unattend(request, pk):
    item = get_object_or_404(
        Attendance.objects.select_related("occurrence__activity"), pk=pk, user=request.user
    )
    attendance.cancel_attendance(attendance=item)
    messages.success(request, _("U bent afgemeld."))
    if request.POST.get("terug") == "mijn":
        return redirect("activities:mine")
    return redirect(item.occurrence.activity.get_absolute_url())


def guest_cancel(request, token):
    """The link in a guest's mail: a button to sign off (a GET never changes anything)."""
    item = attendance.attendance_from_guest_token(token)
    context = {"title": _("Afmelden")}
    if item is None:
        return render(request, "activities/guest_cancel.html", {**context, "invalid": True}, status=400)
    if request.method == "POST":
        attendance.cancel_attendance(attendance=item)
        item.refresh_from_db()
    context.update(attendance=item, activity=item.occurrence.activity)
    return render(request, "activities/guest_cancel.html", context)


def _managed_occurrence(request, slug, pk) -> Occurrence:
    occurrence = get_object_or_404(
        Occurrence.objects.select_related("activity__organisation"), pk=pk, activity__slug=slug
    )
    if not services.can_manage(user=request.user, activity=occurrence.activity):
        raise ApplicationError(_("Alleen de organisator ziet wie er komt."), code="forbidden")
    return occurrence


@login_required
def attendee_list(request, slug, pk):
    occurrence = _managed_occurrence(request, slug, pk)
    people = list(selectors.attendees(occurrence=occurrence))
    return render(
        request,
        "activities/attendees.html",
        {
            "activity": occurrence.activity,
            "occurrence": occurrence,
            "going": [a for a in people if a.status == Attendance.Status.GOING],
            "waiting": [a for a in people if a.status == Attendance.Status.WAITING],
        },
    )


@login_required
def attendee_csv(request, slug, pk):
    occurrence = _managed_occurrence(request, slug, pk)
    start = timezone.localtime(occurrence.start)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{occurrence.activity.slug}-{start:%Y-%m-%d}.csv"'
    )
    response.write("\ufeff")  # spreadsheet programs read the accents right
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Voornaam"), _("Status"), _("Aangemeld op"), _("Contact (zonder account)")])
    for item in selectors.attendees(occurrence=occurrence):
        contact = "" if item.user_id else (item.guest_email or item.guest_phone)
        signed = timezone.localtime(item.created_at)
        writer.writerow(
            [
                _safe_cell(item.first_name),
                item.get_status_display(),
                f"{signed:%Y-%m-%d %H:%M}",
                _safe_cell(contact),
            ]
        )
    return response


def _safe_cell(value: str) -> str:
    """No formulas from typed-in names in the organiser's spreadsheet."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


@login_required
def mine(request):
    feed = attendance.personal_feed(user=request.user)
    path = reverse("activities:personal_feed", kwargs={"token": feed.token})
    feed_url = absolute(path)
    return render(
        request,
        "activities/mine.html",
        {
            "title": _("Mijn agenda"),
            "attendances": selectors.my_attendances(user=request.user),
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
        },
    )


@login_required
@require_POST
def renew_feed(request):
    attendance.renew_personal_feed(user=request.user)
    messages.success(request, _("Uw agenda heeft een nieuw adres. Het oude adres werkt niet meer."))
    return redirect("activities:mine")


def personal_feed(request, token):
    rows = selectors.personal_feed_attendances(token=token)
    if rows is None:
        raise Http404
    body = occurrences_calendar(
        occurrences=[row.occurrence for row in rows],
        name=_("Mijn agenda – Wij(k) de Ruwaard"),
        base_url=settings.SITE_URL,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="mijn-agenda.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response

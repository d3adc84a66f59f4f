"""Public views beyond the agenda list: the map of where things happen and the agenda for partner sites."""

import json
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import ApplicationError
from core.site import absolute

from . import selectors, services
from .filters import AgendaFilterSet
from .forms import LocationForm
from .models import Location
from .views import _day_label

EMBED_LIMIT = 30
# An origin is a scheme and a host (and a port): no paths, wildcards or CSP keywords slip into the policy.
ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")
MAP_LIMIT = 500


# Where a map opens when it has no place to show yet: Ons Huis van de Wijk, in the middle of Ruwaard.
DISTRICT_CENTRE = ("51.757", "5.531")


def _map_context(**extra) -> dict:
    return {"tile_url": settings.MAP_TILE_URL, "tile_attribution": settings.MAP_TILE_ATTRIBUTION, **extra}


def agenda_map(request):
    """The agenda's dates of the chosen period on a map, and as a list by place without JavaScript."""
    filters = AgendaFilterSet(request.GET)
    occurrences = selectors.agenda_occurrences(filters=filters).filter(is_cancelled=False)[:MAP_LIMIT]
    extra = {
        "problems": filters.problems,
        "chosen_labels": filters.chosen_labels(),
        "walk_ins": False,
        "query": request.GET.urlencode(),
    }
    return _map_page(request, _("Agenda op de kaart"), occurrences, **extra)


def walk_in_map(request):
    groups = selectors.walk_in_hours()
    occurrences = [o for group in groups.values() for o in group if not o.is_cancelled]
    return _map_page(request, _("Inloopspreekuren op de kaart"), occurrences, walk_ins=True, query="")


def _map_page(request, title: str, occurrences, **extra):
    context = _map_context(title=title, places=selectors.places_of(occurrences), **extra)
    return render(request, "activities/map.html", context)


def embed(request):
    """A compact agenda that partner websites frame; only the configured origins may do so."""
    filters = AgendaFilterSet(request.GET, default_days=14)
    occurrences = selectors.agenda_occurrences(filters=filters)[:EMBED_LIMIT]
    today = timezone.localdate()
    days = [(day, _day_label(day, today), items) for day, items in selectors.group_by_day(occurrences)]
    response = render(
        request,
        "activities/embed.html",
        {"days": days, "problems": filters.problems, "site_url": settings.SITE_URL},
    )
    origins = [o.rstrip("/") for o in settings.EMBED_ALLOWED_ORIGINS if ORIGIN.fullmatch(o.rstrip("/"))]
    # django-csp reads this per response: frame-ancestors names exactly the configured origins.
    response._csp_replace = {"frame-ancestors": origins or ["'none'"]}
    if origins:
        response.xframe_options_exempt = True
    return response


def locations(request):
    """Every place, with a link to change its map point for those who may."""
    return render(
        request,
        "activities/locations.html",
        {
            "title": _("Plekken in de wijk"),
            "locations": Location.objects.order_by("name"),
            "can_edit": services.can_edit_locations(user=request.user),
        },
    )


@login_required
def location_edit(request, slug):
    location = get_object_or_404(Location, slug=slug)
    services.require_location_editor(user=request.user)
    form = LocationForm(request.POST or None, instance=Location.objects.get(pk=location.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_location(location=location, by=request.user, **form.cleaned_data)
        except (ApplicationError, ValidationError) as error:
            form.add_error(None, getattr(error, "message", None) or " ".join(error.messages))
        else:
            messages.success(request, _("De plek is opgeslagen."))
            return redirect("activities:locations")
    return render(
        request,
        "activities/location_form.html",
        _map_context(location=location, form=form, centre=DISTRICT_CENTRE),
        status=400 if request.method == "POST" else 200,
    )


EMBED_SCRIPT = """(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var query = new URLSearchParams();
  ["categorie", "organisatie"].forEach(function (key) {
    if (script.dataset[key]) query.set(key, script.dataset[key]);
  });
  var frame = document.createElement("iframe");
  frame.src = %(url)s + (query.toString() ? "?" + query.toString() : "");
  frame.title = %(title)s;
  frame.loading = "lazy";
  frame.style.width = "100%%";
  frame.style.border = "0";
  frame.style.height = (parseInt(script.dataset.hoogte, 10) || 600) + "px";
  script.parentNode.insertBefore(frame, script.nextSibling);
})();
"""


def embed_script(request):
    """A small script for partner sites: it places the embedded agenda as an iframe after itself."""
    url = absolute(reverse("activities:embed"))
    body = EMBED_SCRIPT % {"url": json.dumps(url), "title": json.dumps(_("Agenda Wij(k) de Ruwaard"))}
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    return response

"""Professionals set up, test and run the iCal import of their own organisation."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.exceptions import ApplicationError
from core.forms import add_application_error
from core.site import absolute
from organisations.selectors import organisations_of

from . import feeds
from .models import Category, ICalFeed


class CalendarAddressField(forms.URLField):
    """A calendar's address; "webcal://", as Apple and Google offer one to subscribe to, is read as https."""

    def to_python(self, value):
        value = (value or "").strip()
        if value.lower().startswith("webcal://"):
            value = "https://" + value[len("webcal://") :]
        return super().to_python(value)


class FeedForm(forms.Form):
    organisation = forms.ModelChoiceField(label=gettext_lazy("Organisatie"), queryset=None, empty_label=None)
    url = CalendarAddressField(
        label=gettext_lazy("Adres van de iCal-feed"),
        max_length=500,
        assume_scheme="https",
        help_text=gettext_lazy(
            "Het adres eindigt vaak op .ics. U vindt het in de instellingen van uw agenda."
        ),
    )
    category = forms.ChoiceField(
        label=gettext_lazy("Rubriek in de agenda"),
        choices=Category.choices,
        help_text=gettext_lazy("Alle activiteiten uit deze agenda komen in deze rubriek."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_of(user=user)


@login_required
def feeds_view(request):
    form = FeedForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            feed, found = feeds.set_up_ical_feed(by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "De agenda werkt, maar er staat nu niets in. Zodra er iets in staat, halen we het op. "
                    "We kijken elk uur."
                )
                if not found["series"]
                else ngettext(
                    "De agenda werkt: we vonden %(count)s activiteit. We zetten die nu in de agenda. "
                    "Daarna kijken we elk uur of er iets is veranderd.",
                    "De agenda werkt: we vonden %(count)s activiteiten. We zetten die nu in de agenda. "
                    "Daarna kijken we elk uur of er iets is veranderd.",
                    found["series"],
                )
                % {"count": found["series"]},
            )
            return redirect("activities:import_feed", pk=feed.pk)
    return render(
        request,
        "activities/import_feeds.html",
        {
            "title": _("Agenda van uw organisatie importeren"),
            "feeds": feeds.feeds_for(user=request.user),
            "form": form,
            "organisations": organisations_of(user=request.user),
            "embed_url": absolute(reverse("activities:embed")),
            "embed_script_url": absolute(reverse("activities:embed_script")),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def feed_detail(request, pk):
    feed = get_object_or_404(ICalFeed.objects.select_related("organisation"), pk=pk)
    feeds.require_feed_manager(user=request.user, organisation=feed.organisation)
    test = None
    if request.method == "POST":
        action = request.POST.get("actie")
        if action == "testen":
            test = feeds.test_ical_feed(feed=feed, by=request.user)
        elif action == "importeren":
            feeds.request_import(feed=feed, by=request.user)
            messages.success(request, _("De import is gestart. Ververs deze pagina over een minuut."))
            return redirect("activities:import_feed", pk=feed.pk)
        elif action in ("aan", "uit"):
            feeds.set_feed_active(feed=feed, by=request.user, active=action == "aan")
            return redirect("activities:import_feed", pk=feed.pk)
    return render(request, "activities/import_feed.html", {"feed": feed, "test": test})

"""The Wagtail admin for activities, walk-in hours, locations and iCal feeds."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldRowPanel, MultiFieldPanel
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet, SnippetViewSetGroup

from . import services
from .models import Activity, ICalFeed, Location, Occurrence


class ActivityCreateView(CreateView):
    """A new activity from the admin is stored by the same service rules as on the site."""

    def save_instance(self):
        activity = services.save_activity_as_moderator(activity=self.form.instance, by=self.request.user)
        log(instance=activity, action="wagtail.create", user=self.request.user)
        return activity


class ActivityEditView(EditView):
    """Approving, cancelling or changing in the admin notifies and re-plans exactly as on the site."""

    def save_instance(self):
        activity = services.save_activity_as_moderator(activity=self.form.instance, by=self.request.user)
        log(instance=activity, action="wagtail.edit", user=self.request.user)
        return activity


class ActivityViewSet(SnippetViewSet):
    model = Activity
    add_view_class = ActivityCreateView
    edit_view_class = ActivityEditView
    icon = "date"
    menu_label = _("Activiteiten")
    list_display = ["title", "kind", "category", "organisation", "status", "confirmed_at"]
    list_filter = ["status", "kind", "category", "organisation"]
    search_fields = ["title", "summary", "topic"]
    panels = [
        "title",
        "slug",
        "summary",
        "description",
        FieldRowPanel(["kind", "category", "status"]),
        "audiences",
        MultiFieldPanel(
            ["topic", "no_appointment_needed", "what_to_bring"],
            heading=_("Inloopspreekuur"),
        ),
        FieldRowPanel(["organisation", "location"]),
        FieldRowPanel(["cost", "cost_known"]),
        FieldRowPanel(["registration", "registration_detail"]),
        FieldRowPanel(["max_places", "guests_may_sign_up"]),
        FieldRowPanel(["image", "image_alt"]),
        MultiFieldPanel(
            ["starts_at", "duration", "rrule", "exdates", "rdates", "ends_on"],
            heading=_("Wanneer"),
        ),
    ]


class OccurrenceViewSet(SnippetViewSet):
    model = Occurrence
    icon = "calendar-alt"
    menu_label = _("Data (afgelasten, verplaatsen)")
    list_display = ["activity", "start", "is_cancelled", "is_moved", "reason"]
    list_filter = ["is_cancelled", "is_moved", "activity__kind"]
    search_fields = []
    panels = ["start", "end", "is_cancelled", "is_moved", "reason"]


class LocationViewSet(SnippetViewSet):
    model = Location
    icon = "site"
    menu_label = _("Locaties")
    list_display = ["name", "address", "is_accessible", "latitude", "longitude"]
    list_filter = ["is_accessible"]
    search_fields = ["name", "address"]


class ICalFeedViewSet(SnippetViewSet):
    model = ICalFeed
    icon = "link"
    menu_label = _("iCal-feeds")
    list_display = ["organisation", "url", "last_imported_at", "last_error"]
    list_filter = ["is_active", "organisation"]
    panels = ["organisation", "url", "category", "is_active"]


class AgendaGroup(SnippetViewSetGroup):
    menu_label = _("Agenda")
    menu_icon = "date"
    menu_order = 200
    items = (ActivityViewSet, OccurrenceViewSet, LocationViewSet, ICalFeedViewSet)


register_snippet(AgendaGroup)

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import FollowUp, Listing


class ListingViewSet(SnippetViewSet):
    model = Listing
    icon = "help"
    menu_label = _("Vraag en aanbod")
    list_display = ["title", "kind", "category", "area", "status", "is_pending", "owner", "expires_at"]
    list_filter = ["kind", "category", "area", "status", "is_pending"]
    search_fields = ["title", "text"]
    ordering = ["-shown_at"]
    panels = [
        "owner",
        "kind",
        "category",
        "title",
        "text",
        "when",
        "area",
        "status",
        "is_pending",
        "expires_at",
    ]


class FollowUpViewSet(SnippetViewSet):
    model = FollowUp
    icon = "tick"
    menu_label = _("Is het gelukt?")
    list_display = ["__str__", "answer", "asked_at", "answered_at"]
    list_filter = ["answer"]
    panels = ["answer"]


class MarketplaceGroup(SnippetViewSetGroup):
    items = (ListingViewSet, FollowUpViewSet)
    menu_icon = "help"
    menu_label = _("Vraag en aanbod")
    menu_name = "vraag-en-aanbod"
    menu_order = 310


register_snippet(MarketplaceGroup)

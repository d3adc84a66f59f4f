from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Membership, Notice, PreventionGroup


class PreventionGroupViewSet(SnippetViewSet):
    model = PreventionGroup
    icon = "group"
    menu_label = _("Groepen")
    list_display = ["name", "area", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "area"]
    panels = ["name", "slug", "area", "description", "is_active"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Lidmaatschappen")
    list_display = ["user", "group", "role", "status"]
    list_filter = ["group", "role", "status"]
    panels = ["group", "user", "role", "status"]


class NoticeViewSet(SnippetViewSet):
    model = Notice
    icon = "warning"
    menu_label = _("Meldingen")
    list_display = ["text", "group", "level", "created_at", "expires_at", "status", "is_hidden"]
    list_filter = ["group", "level", "status", "is_hidden"]
    search_fields = ["text", "street"]
    ordering = ["-created_at"]
    panels = ["is_hidden", "level", "text", "street", "expires_at", "status"]


class PreventionViewSetGroup(SnippetViewSetGroup):
    items = (PreventionGroupViewSet, MembershipViewSet, NoticeViewSet)
    menu_icon = "warning"
    menu_label = _("Buurtpreventie")
    menu_name = "buurtpreventie"
    menu_order = 350


register_snippet(PreventionViewSetGroup)

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Edition, Theme


class EditionViewSet(SnippetViewSet):
    model = Edition
    icon = "doc-full"
    menu_label = _("Rucreant-edities")
    list_display = ["__str__", "published_on", "pdf"]
    list_filter = ["published_on"]
    ordering = ["-published_on"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thema's")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class StoriesViewSetGroup(SnippetViewSetGroup):
    items = (EditionViewSet, ThemeViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Rucreant")
    menu_order = 250


register_snippet(StoriesViewSetGroup)

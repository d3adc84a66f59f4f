from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Edition, StoryPage, Theme


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


class StoryFilterSet(PageFilterSet):
    class Meta:
        model = StoryPage
        fields = ["edition", "themes", "live"]


class StoryPageListingViewSet(PageListingViewSet):
    """All stories in one list for the redactie, with the drafts that wait for them."""

    model = StoryPage
    icon = "doc-full"
    menu_label = _("Verhalen")
    menu_order = 240
    add_to_admin_menu = True
    filterset_class = StoryFilterSet
    # Title, date and state fit a phone; the parent is always "Verhalen uit de wijk".
    columns = [column for column in IndexView.base_columns if column.name not in ("parent", "type")]


@hooks.register("register_admin_viewset")
def register_story_listing():
    return StoryPageListingViewSet("verhalen")

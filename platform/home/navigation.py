"""The site's sections for the header menu and the links that depend on who is looking."""

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stories.models import StoryIndexPage

STORY_INDEX_CACHE_KEY = "home:story-index-url"


def story_index_url() -> str:
    """The address of the published story index (a Wagtail page, so it has no URL name); "" if none."""
    url = cache.get(STORY_INDEX_CACHE_KEY)
    if url is None:
        page = StoryIndexPage.objects.live().order_by("path").first()
        url = (page.url or "") if page is not None else ""
        if url:
            cache.set(STORY_INDEX_CACHE_KEY, url, 10 * 60)
    return url


def forget_story_index_url(**kwargs) -> None:
    """Called when a page is published, unpublished, moved or deleted: the next request looks again."""
    cache.delete(STORY_INDEX_CACHE_KEY)


def main_sections() -> list[tuple[str, object, str]]:
    """(url, label, pictogram) of every section, in the order of the menu."""
    sections = [
        (reverse("activities:agenda"), _("Agenda"), "i-clock"),
        (reverse("activities:walk_in_hours"), _("Inloopspreekuren"), "act-geldzaken"),
        (reverse("marketplace:list"), _("Vraag en aanbod"), "mkt-gezelschap"),
        (story_index_url(), _("Verhalen"), "act-leren-taal"),
        (reverse("organisations:directory"), _("Organisaties"), "act-ontmoeten"),
        (reverse("notices:groups"), _("Buurtpreventie"), "i-bell"),
    ]
    return [(url, label, icon) for url, label, icon in sections if url]

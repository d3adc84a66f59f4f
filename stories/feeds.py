from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.text import without_control_characters

from . import selectors
from .models import StoryIndexPage


class LatestStoriesFeed(Feed):
    title = _("Verhalen uit de Ruwaard")

    def link(self):
        index = StoryIndexPage.objects.live().first()
        return index.url if index is not None else reverse("wagtail_serve", args=[""])

    description = _("Bewoners van de Ruwaard vertellen. Uit de Rucreant, het blad van de wijk.")
    language = "nl"

    def items(self):
        return selectors.feed_stories()

    # XML takes no control characters: a title stored before they were kept out must not break the feed.
    def item_title(self, item):
        return without_control_characters(item.title)

    def item_description(self, item):
        return without_control_characters(item.intro)

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return without_control_characters(item.author_name)

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _

from . import selectors


class LatestStoriesFeed(Feed):
    title = _("Verhalen uit de Ruwaard")
    link = "/verhalen/"
    description = _("Bewoners van de Ruwaard vertellen. Uit de Rucreant, het blad van de wijk.")
    language = "nl"

    def items(self):
        return selectors.feed_stories()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author_name

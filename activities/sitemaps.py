"""The agenda for search engines: every published activity and the agenda's own pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Activity


class ActivitySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Activity.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, activity: Activity):
        return activity.updated_at


class AgendaSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["activities:agenda", "activities:walk_in_hours"]

    def location(self, name: str) -> str:
        return reverse(name)

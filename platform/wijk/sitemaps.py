"""/sitemap.xml: Wagtail's pages (home, stories) and Django sitemaps for the models that are not pages."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from activities.sitemaps import ActivitySitemap, AgendaSitemap
from organisations.models import Organisation


class SiteUrlMixin:
    """Absolute addresses on SITE_URL (the public address), not on the sites framework's example.com."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class Sitemap(SiteUrlMixin, DjangoSitemap):
    pass


def on_site_url(sitemap_class: type) -> type:
    """An app's Sitemap class with absolute addresses on SITE_URL too."""
    return type(sitemap_class.__name__, (SiteUrlMixin, sitemap_class), {})


class OrganisationSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Organisation.objects.active().only("slug").order_by("pk")


class DirectorySitemap(Sitemap):
    def items(self):
        return ["organisations:directory"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "agenda": on_site_url(AgendaSitemap),
    "activities": on_site_url(ActivitySitemap),
    "directory": DirectorySitemap,
    "organisations": OrganisationSitemap,
}

"""The site's public address (SITE_URL): links in mails, feeds, embeds and structured data start here,
whichever host a request came in on."""

from django.conf import settings


def site_root() -> str:
    """SITE_URL without a trailing slash, e.g. "https://wijkderuwaard.nl"."""
    return settings.SITE_URL.rstrip("/")


def absolute(path: str) -> str:
    """A path on this site (starting with "/") as a full address on SITE_URL."""
    return site_root() + path

"""Writes of the home app."""

from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from .models import HomePage


def ensure_home_page() -> HomePage:
    """The one HomePage under the root, served as the default site (migrations make it; this repairs)."""
    with transaction.atomic():
        locale, _ = Locale.objects.get_or_create(language_code="nl")
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", locale=locale))
            for child in root.get_children().filter(slug="home"):
                child.delete()
            home = root.add_child(instance=HomePage(title="Wij(k) de Ruwaard", slug="home"))
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Wij(k) de Ruwaard",
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save(update_fields=["root_page"])
    return home


def ensure_root_collection() -> Collection:
    """Wagtail keeps images and documents in collections under one root (migrations make it)."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")

"""Factories and builders for the stories tests. Tests build the page tree they need."""

import datetime as dt
import io

import factory
from django.conf import settings
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from stories.models import Edition, StoryIndexPage, StoryPage, Theme
from tests.factories import NamedFactory


def image_bytes(*, size=(640, 360), colour="#0b5d3b", fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, fmt)
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Foto {n}")
    file = factory.LazyFunction(lambda: ImageFile(io.BytesIO(image_bytes()), name="foto.png"))


class ThemeFactory(NamedFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Thema {n}")


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition
        django_get_or_create = ("number",)

    number = factory.Sequence(lambda n: 100 + n)
    published_on = factory.LazyFunction(lambda: dt.date(2026, 10, 1))


def story_index() -> StoryIndexPage:
    """The /verhalen/ page: the one of the data migration, or a new one under the site's home page."""
    index = StoryIndexPage.objects.first()
    if index is None:
        home = _default_site_root()
        index = home.add_child(instance=StoryIndexPage(title="Verhalen uit de wijk", slug="verhalen"))
    return index


def _default_site_root():
    """The default site's root page; a new page tree when a flushed database has none."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page
    from home.models import HomePage

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="Wij(k) de Ruwaard", slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


_counter = iter(range(1, 1_000_000))


def make_story(*, index=None, publish=True, days_ago=1, themes=(), with_image=True, **fields) -> StoryPage:
    n = next(_counter)
    index = index or story_index()
    image = ImageFactory() if with_image else None
    defaults = {
        "title": f"Verhaal {n}",
        "slug": f"verhaal-{n}",
        "intro": f"Een verhaal uit de wijk, nummer {n}.",
        "body": [("paragraph", RichText(f"<p>Tekst van verhaal {n}.</p>"))],
        "hero_image": image,
        "hero_alt": f"Beschrijving van foto {n}" if image else "",
        "author_name": "Fatma",
    }
    defaults.update(fields)
    story = StoryPage(live=publish, **defaults)
    if themes:
        story.themes.set(list(themes))
    index.add_child(instance=story)
    revision = story.save_revision()
    if publish:
        revision.publish()
        when = timezone.now() - dt.timedelta(days=days_ago)
        StoryPage.objects.filter(pk=story.pk).update(first_published_at=when, last_published_at=when)
        story.refresh_from_db()
    return story

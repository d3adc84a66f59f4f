"""Stories of residents, published by the editors of the Rucreant through Wagtail."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.fields import optional_foreign_key

from .blocks import StoryBodyBlock


class Theme(models.Model):
    """A theme a story is about (gezondheid, samen spelen …); a snippet the editors keep."""

    name = models.CharField(_("naam"), max_length=60, unique=True)
    slug = models.SlugField(_("korte naam in de link"), max_length=60, unique=True)

    panels = ["name", "slug"]

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Edition(models.Model):
    """One issue of the Rucreant, the district magazine: its number, date, cover and PDF."""

    number = models.PositiveIntegerField(_("nummer"), unique=True)
    published_on = models.DateField(_("verschenen op"))
    cover = optional_foreign_key("wagtailimages.Image", _("omslag"))
    cover_alt = models.CharField(_("beschrijving van de omslag (alt-tekst)"), max_length=250, blank=True)
    pdf = optional_foreign_key("wagtaildocs.Document", _("pdf"))

    panels = ["number", "published_on", "cover", "cover_alt", "pdf"]

    class Meta:
        verbose_name = _("Rucreant-editie")
        verbose_name_plural = _("Rucreant-edities")
        ordering = ["-published_on", "-number"]

    def __str__(self) -> str:
        return f"Rucreant {self.number}"

    def clean(self) -> None:
        if self.cover_id and not self.cover_alt.strip():
            raise ValidationError({"cover_alt": _("Beschrijf de omslag voor wie niet kan zien.")})


class StoryIndexPage(RoutablePageMixin, Page):
    """/verhalen/: the published stories, newest first, with filters; one listing per edition."""

    intro = models.CharField(_("inleiding"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, "intro"]
    subpage_types = ["stories.StoryPage"]
    max_count = 1

    @classmethod
    def clean_parent_page_models(cls):
        """The page types that list the story index in their own ``subpage_types`` (the home page does).

        Stories name no page type of another app; the root of the tree lists nothing, so never there.
        """
        from wagtail.models import get_page_models

        return [
            model
            for model in get_page_models()
            if getattr(model, "subpage_types", None) is not None and cls in model.clean_subpage_models()
        ]

    class Meta:
        verbose_name = _("verhalenoverzicht")

    def get_context(self, request, *args, **kwargs):
        from .views import story_list_context

        context = super().get_context(request, *args, **kwargs)
        context.update(story_list_context(request=request, index=self))
        return context

    @path("editie/<int:number>/", name="edition")
    def edition_view(self, request, number: int):
        from .views import edition_context

        edition = Edition.objects.select_related("cover", "pdf").filter(number=number).first()
        if edition is None:
            raise Http404
        return self.render(
            request,
            template="stories/edition_page.html",
            context_overrides=edition_context(request=request, index=self, edition=edition),
        )


class StoryPageQuerySet(PageQuerySet):
    def newest_first(self):
        return self.order_by("-first_published_at", "-pk")

    def submitted_by(self, user):
        return self.filter(submitted_by=user)


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


class StoryPage(Page):
    intro = models.CharField(_("inleiding"), max_length=300, help_text=_("Eén of twee zinnen."))
    body = StreamField(StoryBodyBlock(), verbose_name=_("verhaal"), blank=True)
    hero_image = optional_foreign_key("wagtailimages.Image", _("hoofdfoto"))
    hero_alt = models.CharField(
        _("beschrijving van de hoofdfoto (alt-tekst)"),
        max_length=250,
        blank=True,
        help_text=_("Verplicht bij een foto. Beschrijf in één zin wat er te zien is."),
    )
    hero_caption = models.CharField(_("onderschrift van de hoofdfoto"), max_length=250, blank=True)
    author_name = models.CharField(
        _("naam van de schrijver"), max_length=80, help_text=_("Een voornaam is genoeg.")
    )
    submitted_by = optional_foreign_key(
        settings.AUTH_USER_MODEL, _("ingestuurd door"), related_name="submitted_stories"
    )
    editor = optional_foreign_key(
        settings.AUTH_USER_MODEL,
        _("redacteur"),
        related_name="edited_stories",
        limit_choices_to={"groups__name": "redactie"},
    )
    edition = optional_foreign_key(Edition, _("Rucreant-editie"), related_name="stories")
    themes = ParentalManyToManyField(Theme, verbose_name=_("thema's"), blank=True, related_name="stories")
    # What the resident agreed to when sending the story in. Kept out of the edit form on purpose.
    publication_consent_at = models.DateTimeField(_("toestemming voor publicatie op"), null=True, blank=True)
    photo_consent_at = models.DateTimeField(
        _("toestemming van de mensen op de foto op"), null=True, blank=True
    )
    author_notified_at = models.DateTimeField(_("schrijver bericht gestuurd op"), null=True, blank=True)

    objects = StoryPageManager()

    content_panels = [
        *Page.content_panels,
        "intro",
        MultiFieldPanel(
            ["hero_image", "hero_alt", "hero_caption"],
            heading=_("Hoofdfoto"),
        ),
        "body",
        MultiFieldPanel(
            ["author_name", "editor", "edition", "themes"],
            heading=_("Over dit verhaal"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("author_name"),
        index.FilterField("edition"),
    ]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("verhaal")
        verbose_name_plural = _("verhalen")

    def clean(self) -> None:
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": _("Beschrijf de hoofdfoto voor wie niet kan zien.")})

    @property
    def intro_repeats_body(self) -> bool:
        """True when the intro is (the start of) the first paragraph, so the page need not show it twice."""
        first = next(iter(self.body), None)
        if first is None or first.block_type != "paragraph":
            return False
        paragraph = " ".join(strip_tags(first.value.source).split())
        intro = " ".join(self.intro.split()).rstrip("…").rstrip()
        return bool(intro) and paragraph.startswith(intro)

    def serve(self, request, *args, **kwargs):
        """The story of a suspended account is hidden from everyone but moderators."""
        from accounts.roles import is_moderator

        author = self.submitted_by
        if author is not None and author.suspended_at is not None and not is_moderator(request.user):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .views import story_share_context

        context = super().get_context(request, *args, **kwargs)
        context.update(story_share_context(request=request, story=self))
        return context

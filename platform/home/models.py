from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page


class HomePage(Page):
    """The front page: what is on in the district today, and the way in to everything else."""

    intro = models.CharField(
        _("welkomsttekst"),
        max_length=250,
        blank=True,
        default="Alles wat er te doen is in Ruwaard. Hulp vragen, hulp bieden en elkaar ontmoeten.",
    )

    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["stories.StoryIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("homepagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from . import sections

        context["home_sections"] = sections.home_sections(request)
        return context


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("e-mail van de redactie"), default="info@wijkderuwaard.nl")
    contact_phone = models.CharField(_("telefoon"), max_length=30, blank=True, default="0412 - 123 456")
    meeting_place = models.CharField(
        _("ontmoetingsplek"), max_length=200, default="Ons Huis van de Wijk, Kastanjelaan 2, Oss"
    )

    class Meta:
        verbose_name = _("site-instellingen")


class DailyVisit(models.Model):
    """How many pages of one section were shown on one day: a bare counter, no visitor data."""

    day = models.DateField(_("dag"))
    section = models.CharField(_("onderdeel"), max_length=60)
    count = models.PositiveIntegerField(_("aantal"), default=0)

    class Meta:
        verbose_name = _("bezoeken per dag")
        verbose_name_plural = _("bezoeken per dag")
        constraints = [models.UniqueConstraint(fields=["day", "section"], name="one_visit_counter_per_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.section}: {self.count}"

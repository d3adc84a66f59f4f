from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.fields import optional_foreign_key


class HelpTopic(models.TextChoices):
    """What an organisation helps with; shared words for the directory and the walk-in hours."""

    # Values shared with activities.Category carry the same label there and here.
    MONEY = "geldzaken", _("Geldzaken")
    WORK_INCOME = "werk-inkomen", _("Werk & inkomen")
    CARE_AT_HOME = "zorg-thuis", _("Zorg thuis")
    HEALTH = "gezondheid", _("Gezondheid")
    HOUSING = "wonen", _("Wonen")
    PARENTING = "opvoeding", _("Opvoeding en gezin")
    MEETING = "ontmoeten", _("Ontmoeten")
    EXERCISE = "bewegen", _("Bewegen")
    SAFETY = "veiligheid", _("Veiligheid")
    LANGUAGE_LEARNING = "taal", _("Taal en leren")
    VOLUNTEERING = "vrijwilligerswerk", _("Vrijwilligerswerk")
    NEIGHBOURHOOD = "wijk", _("De wijk samen")


class OrganisationKind(models.TextChoices):
    WELFARE = "welzijn", _("Welzijn")
    CARE = "zorg", _("Zorg")
    HOUSING = "wonen", _("Wonen")
    MUNICIPALITY = "gemeente", _("Gemeente")
    RESIDENTS = "bewoners", _("Bewonersorganisatie")
    MEETING_PLACE = "plek", _("Ontmoetingsplek")
    SAFETY = "veiligheid", _("Veiligheid")


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def helping_with(self, topic: str):
        # JSON containment is not portable to SQLite; topics are few, so match the stored list.
        return self.filter(help_topics__icontains=f'"{topic}"')


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(
        _("soort"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.WELFARE
    )
    summary = models.CharField(_("in één zin"), max_length=200)
    helps_with = models.TextField(_("waar helpen zij mee"), help_text=_("Korte, duidelijke zinnen."))
    help_topics = models.JSONField(_("onderwerpen"), default=list, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    opening_hours = models.CharField(_("open"), max_length=200, blank=True)
    logo = optional_foreign_key("wagtailimages.Image", _("logo"))
    is_active = models.BooleanField(_("actief"), default=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations", blank=True
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    def topic_labels(self) -> list[str]:
        labels = dict(HelpTopic.choices)
        return [str(labels[t]) for t in self.help_topics if t in labels]


class Membership(models.Model):
    """A professional (or volunteer) who acts for an organisation."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Medewerker")
        ADMIN = "admin", _("Beheerder")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap organisatie")
        verbose_name_plural = _("lidmaatschappen organisaties")
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="unique_org_membership")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"

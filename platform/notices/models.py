from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import optional_foreign_key

NOTICE_LIFETIME = timedelta(hours=48)


# Paths under /buurtpreventie/ that are not groups.
RESERVED_GROUP_SLUGS = {"live"}


def validate_group_slug(value: str) -> None:
    if value in RESERVED_GROUP_SLUGS:
        raise ValidationError(_("Deze korte naam is al in gebruik door de site. Kies een andere."))


class PreventionGroup(models.Model):
    """A neighbourhood-prevention group (buurtpreventie): members who look out for their streets."""

    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(
        _("korte naam in de link"),
        max_length=80,
        unique=True,
        validators=[validate_group_slug],
    )
    area = models.CharField(
        _("gebied"), max_length=200, help_text=_("Welke straten of welk deel van de wijk.")
    )
    description = models.TextField(_("beschrijving"), blank=True)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("buurtpreventiegroep")
        verbose_name_plural = _("buurtpreventiegroepen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("notices:feed", kwargs={"slug": self.slug})


class MembershipQuerySet(models.QuerySet):
    def approved(self):
        """Approved memberships of groups that are still active."""
        return self.filter(status=Membership.Status.APPROVED, group__is_active=True)

    def requested(self):
        return self.filter(status=Membership.Status.REQUESTED)

    def coordinators(self):
        return self.approved().filter(role=Membership.Role.COORDINATOR)


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("lid")
        COORDINATOR = "coordinator", _("coördinator")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("aangevraagd")
        APPROVED = "approved", _("goedgekeurd")

    group = models.ForeignKey(PreventionGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prevention_memberships"
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField(_("aangevraagd op"), default=timezone.now)
    approved_at = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("lidmaatschap buurtpreventie")
        verbose_name_plural = _("lidmaatschappen buurtpreventie")
        ordering = ["group", "status", "requested_at"]
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="notices_one_membership")]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.user.public_name} · {self.group}"

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def label(self) -> str:
        return public_label(self.user)

    @property
    def is_coordinator(self) -> bool:
        return self.is_approved and self.role == self.Role.COORDINATOR


class NoticeQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(is_hidden=False)

    def active(self, *, now=None):
        return self.visible().filter(expires_at__gt=now or timezone.now())

    def for_user(self, user):
        """Notices of the groups where `user` is an approved member."""
        return self.filter(
            group__is_active=True,
            group__memberships__user=user,
            group__memberships__status=Membership.Status.APPROVED,
        )


def _default_expiry():
    return timezone.now() + NOTICE_LIFETIME


class Notice(models.Model):
    """A safety notice in a prevention group. Never public, never in search."""

    class Level(models.TextChoices):
        URGENT = "urgent", _("Spoed")
        INFO = "info", _("Informatie")
        RONDE = "ronde-verslag", _("Verslag van een ronde")
        OPROEP = "oproep", _("Oproep")

    class Status(models.TextChoices):
        NONE = "", _("Geen status")
        CALLED_112 = "112 gebeld", _("112 gebeld")
        GOING = "ik ga kijken", _("Ik ga kijken")
        SOLVED = "opgelost", _("Opgelost")

    group = models.ForeignKey(PreventionGroup, on_delete=models.CASCADE, related_name="notices")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="prevention_notices"
    )
    level = models.CharField(_("soort"), max_length=20, choices=Level.choices, default=Level.INFO)
    text = models.CharField(_("wat ziet u?"), max_length=500)
    street = models.CharField(_("straat"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("geplaatst op"), default=timezone.now)
    expires_at = models.DateTimeField(_("verloopt op"), default=_default_expiry)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, blank=True, default="")
    status_by = optional_foreign_key(settings.AUTH_USER_MODEL)
    status_at = models.DateTimeField(_("status gezet op"), null=True, blank=True)
    is_hidden = models.BooleanField(
        _("verborgen"), default=False, help_text=_("Een moderator kan een melding verbergen.")
    )

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("buurtpreventiemelding")
        verbose_name_plural = _("buurtpreventiemeldingen")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["group", "expires_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__in=["urgent", "info", "ronde-verslag", "oproep"]),
                name="notices_level_known",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_urgent(self) -> bool:
        return self.level == self.Level.URGENT

    @property
    def author_label(self) -> str:
        """First name or initials only."""
        return public_label(self.author)

    @property
    def status_by_label(self) -> str:
        return public_label(self.status_by)

    def as_message(self) -> dict:
        """The WebSocket / polling shape of DESIGN.md. Needs group and author loaded."""
        return {
            "type": "notice",
            "id": self.pk,
            "group": self.group.slug,
            "level": self.level,
            "text": self.text,
            "street": self.street,
            "author": self.author_label,
            "created": self.created_at.isoformat(),
        }

    def status_message(self) -> dict:
        return {"type": "status", "notice": self.pk, "status": self.status, "by": self.status_by_label}


class Acknowledgement(models.Model):
    """A member marked a notice "gezien". Once per member."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="acknowledgements")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("gezien op"), default=timezone.now)

    class Meta:
        verbose_name = _("gezien")
        verbose_name_plural = _("gezien")
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["notice", "user"], name="notices_seen_once")]

    def __str__(self) -> str:
        return f"{public_label(self.user)} · {self.notice}"


def public_label(user) -> str:
    """A member as others see them: the first word of the public name, or initials when it is long."""
    if user is None:
        return "?"
    first = user.public_name.split()[0] if user.public_name.split() else ""
    if not first or len(first) > 20:
        return user.initials
    return first

"""Reports by residents and every decision of a moderator, for any moderated kind (see registry)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import optional_foreign_key


class Reason(models.TextChoices):
    SPAM = "spam", _("Reclame of spam")
    RUDE = "grof", _("Grof of kwetsend")
    UNSAFE = "onveilig", _("Voelt niet veilig")
    PRIVATE = "privegegevens", _("Privégegevens van iemand anders")
    MONEY = "geld", _("Vraagt om geld")
    OTHER = "anders", _("Iets anders")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(handled_at__isnull=True)

    def about(self, kind: str, object_id: int):
        return self.filter(kind=kind, object_id=object_id)


class Report(models.Model):
    """Someone tells the moderators that something is wrong with a listing, message, activity, notice or story."""

    Reason = Reason

    kind = models.CharField(_("soort"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("nummer"))
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reports_made",
        verbose_name=_("melder"),
    )
    reason = models.CharField(_("reden"), max_length=20, choices=Reason.choices)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("gemeld op"), default=timezone.now)
    handled_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    handled_by = optional_foreign_key(settings.AUTH_USER_MODEL, _("afgehandeld door"))

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("melding van misbruik")
        verbose_name_plural = _("meldingen van misbruik")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["kind", "object_id"]), models.Index(fields=["handled_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "reporter"],
                condition=Q(handled_at__isnull=True),
                name="moderation_one_open_report_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.get_reason_display()}"


class Action(models.TextChoices):
    APPROVE = "approve", _("Goedgekeurd")
    HIDE = "hide", _("Verborgen")
    UNHIDE = "unhide", _("Weer zichtbaar")
    REQUEST_CHANGES = "request_changes", _("Aanpassing gevraagd")
    DISMISS = "dismiss", _("Melding afgehandeld: niets aan de hand")
    SUSPEND = "suspend", _("Account geschorst")
    LIFT = "lift", _("Schorsing opgeheven")


class Decision(models.Model):
    """What a moderator decided about one thing (or account), when and why. Never changed afterwards."""

    Action = Action

    kind = models.CharField(_("soort"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("nummer"))
    action = models.CharField(_("besluit"), max_length=20, choices=Action.choices)
    reason = models.CharField(_("reden of bericht"), max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("door"),
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_decisions",
        verbose_name=_("over het werk van"),
    )
    title = models.CharField(_("titel"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("op"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("besluit van een moderator")
        verbose_name_plural = _("besluiten van moderatoren")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.title}"

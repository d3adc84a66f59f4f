from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .kinds import Email, Kind


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def awaiting_digest(self, period: str):
        return self.filter(digest=period, digested_at__isnull=True)


class Notification(models.Model):
    """A personal notice for one user: a text and a link, never a foreign model."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(_("tekst"), max_length=300)
    url = models.CharField(_("link"), max_length=300, blank=True)
    kind = models.CharField(_("soort"), max_length=40, choices=Kind.choices, default=Kind.OTHER)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)
    # Set when the user wants this kind in a daily or weekly e-mail; digested_at once it went out.
    digest = models.CharField(_("in de samenvatting"), max_length=10, blank=True)
    digested_at = models.DateTimeField(_("samenvatting verstuurd op"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "read_at"]),
            models.Index(fields=["digest", "digested_at"], name="notifications_digest_idx"),
        ]

    def __str__(self) -> str:
        return self.text

    def as_message(self) -> dict:
        """The WebSocket / polling shape of DESIGN.md."""
        return {"type": "notification", "id": self.pk, "text": self.text, "url": self.url}


class Preference(models.Model):
    """How one user wants one kind: by e-mail (at once, daily, weekly or not) and by push. Absent: the default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("soort"), max_length=40, choices=Kind.choices)
    email = models.CharField(_("e-mail"), max_length=10, choices=Email.choices)
    push = models.BooleanField(_("pushbericht"), default=False)

    class Meta:
        verbose_name = _("voorkeur voor meldingen")
        verbose_name_plural = _("voorkeuren voor meldingen")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notifications_one_preference")]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.kind}: {self.email}{' + push' if self.push else ''}"


class PushSubscription(models.Model):
    """One device (browser) of a user that receives Web Push messages."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(_("adres van de pushdienst"), max_length=1000, unique=True)
    p256dh = models.CharField(max_length=120)
    auth = models.CharField(max_length=60)
    label = models.CharField(_("apparaat"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("aangezet op"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)

    class Meta:
        verbose_name = _("apparaat voor pushberichten")
        verbose_name_plural = _("apparaten voor pushberichten")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.label or self.endpoint[:60]

    def as_info(self) -> dict:
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """A personal notice for one user: a text and a link, never a foreign model."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(_("tekst"), max_length=300)
    url = models.CharField(_("link"), max_length=300, blank=True)
    kind = models.CharField(_("soort"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text

    def as_message(self) -> dict:
        """The WebSocket / polling shape of DESIGN.md."""
        return {"type": "notification", "id": self.pk, "text": self.text, "url": self.url}

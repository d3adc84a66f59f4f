from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Personal notifications: a text and a link for one user, on /mijn/meldingen/ and live.

    Every app may tell a user something through :func:`notifications.services.notify`; this app imports
    only ``accounts`` and ``core``.
    """

    name = "notifications"
    verbose_name = _("Meldingen")

    def ready(self):
        from accounts.deletion import register_forgetter

        from .services import forget_links

        register_forgetter("notifications", forget_links)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Personal notifications: a text and a link for one user, on /mijn/meldingen/, live, by e-mail and push.

    Every app may tell a user something through :func:`notifications.services.notify`; this app imports
    only ``accounts`` and ``core``.
    """

    name = "notifications"
    verbose_name = _("Meldingen")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Personal notifications: a text and a link for one user, on /mijn/meldingen/, live, by e-mail and push.

    Every app may tell a user something through :func:`notifications.services.notify`; this app imports
    only ``accounts`` and ``core``.
    """

    name = "notifications"
    verbose_name = _("Meldingen")

    def ready(self):
        from accounts.dashboard import register_section

        from .views import mine_section_context

        register_section(
            key="meldingen",
            title=_("Meldingen: hoe wilt u ze krijgen?"),
            template="notifications/includes/mine_section.html",
            get_context=mine_section_context,
            order=85,
        )

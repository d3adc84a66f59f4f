from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = _("Buurtpreventie en meldingen")

    def ready(self):
        from accounts.dashboard import register_section

        from . import selectors

        register_section(
            key="buurtpreventie",
            title=_("Buurtpreventie en meldingen"),
            template="notices/includes/mine_section.html",
            get_context=lambda user: {
                "memberships": list(selectors.memberships_of(user=user)),
                "summary": selectors.notification_summary(user=user),
            },
            order=80,
        )

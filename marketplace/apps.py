from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketplaceConfig(AppConfig):
    name = "marketplace"
    verbose_name = _("Vraag en aanbod")
    # What the moderation queue may approve, hide or have reported (found through the app registry).
    moderated = "marketplace.moderated.KINDS"

    def ready(self):
        from accounts.dashboard import register_section

        from .dashboard import mine_context

        register_section(
            key="marketplace",
            title=_("Vraag en aanbod"),
            template="marketplace/includes/mine.html",
            get_context=mine_context,
            order=30,
        )

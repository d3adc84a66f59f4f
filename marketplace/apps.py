from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketplaceConfig(AppConfig):
    name = "marketplace"
    verbose_name = _("Vraag en aanbod")

    def ready(self):
        from accounts.dashboard import register_section
        from accounts.deletion import register_cleanup

        from .dashboard import mine_context
        from .services import clear_posts_of_deleted_account

        register_section(
            key="marketplace",
            title=_("Vraag en aanbod"),
            template="marketplace/includes/mine.html",
            get_context=mine_context,
            order=30,
        )
        register_cleanup("marketplace", clear_posts_of_deleted_account)

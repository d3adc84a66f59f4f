from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section, SectionAppConfig


class MarketplaceConfig(SectionAppConfig):
    default = True
    name = "marketplace"
    verbose_name = _("Vraag en aanbod")
    section = Section(key="marketplace", title=_("Vraag en aanbod"), order=30)
    # What the moderation queue may approve, hide or have reported (found through the app registry).
    moderated = "marketplace.moderated.KINDS"

    def ready(self):
        from accounts.deletion import register_cleanup

        from .services import clear_posts_of_deleted_account

        super().ready()
        register_cleanup("marketplace", clear_posts_of_deleted_account)

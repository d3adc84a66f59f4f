from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section, SectionAppConfig


class MarketplaceConfig(SectionAppConfig):
    default = True
    name = "marketplace"
    verbose_name = _("Vraag en aanbod")
    section = Section(key="marketplace", title=_("Vraag en aanbod"), order=30)
    # What the moderation queue may approve, hide or have reported (found through the app registry).
    moderated = "marketplace.moderated.KINDS"
    # How the posts of a deleted account go (found by accounts through the app registry).
    deletion_cleanup = "marketplace.services.clear_posts_of_deleted_account"
    # How the privacy export shows a person their rows (found by accounts through the app registry).
    exported = "marketplace.exported.KINDS"

from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section, SectionAppConfig


class MarketplaceConfig(SectionAppConfig):
    default = True
    name = "marketplace"
    verbose_name = _("Vraag en aanbod")
    section = Section(key="marketplace", title=_("Vraag en aanbod"), order=30)

from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section, SectionAppConfig


class ActivitiesConfig(SectionAppConfig):
    default = True
    name = "activities"
    verbose_name = _("Activiteiten")
    section = Section(key="activiteiten", title=_("Mijn activiteiten en spreekuren"), order=20)

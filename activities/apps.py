from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section, SectionAppConfig


class ActivitiesConfig(SectionAppConfig):
    default = True
    name = "activities"
    verbose_name = _("Activiteiten")
    section = Section(key="activiteiten", title=_("Mijn activiteiten en spreekuren"), order=20)
    # What the moderation queue may approve, hide or have reported (found through the app registry).
    moderated = "activities.moderated.KINDS"

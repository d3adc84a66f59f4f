from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section, SectionAppConfig


class ActivitiesConfig(SectionAppConfig):
    default = True
    name = "activities"
    verbose_name = _("Activiteiten")
    section = Section(key="activiteiten", title=_("Mijn activiteiten en spreekuren"), order=20)
    # What the moderation queue may approve, hide or have reported (found through the app registry).
    moderated = "activities.moderated.KINDS"
    # How the posts of a deleted account go (found by accounts through the app registry).
    deletion_cleanup = "activities.services.clear_posts_of_deleted_account"
    # How the privacy export shows a person their rows (found by accounts through the app registry).
    exported = "activities.exported.KINDS"
    # What an organisation's page shows of its walk-in hours and activities (found by organisations).
    organisation_part = "activities.organisation_page.part"

from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section, SectionAppConfig


class ActivitiesConfig(SectionAppConfig):
    default = True
    name = "activities"
    verbose_name = _("Activiteiten")
    section = Section(key="activiteiten", title=_("Mijn activiteiten en spreekuren"), order=20)
    # What the moderation queue may approve, hide or have reported (found through the app registry).
    moderated = "activities.moderated.KINDS"

    def ready(self):
        from accounts.deletion import register_cleanup

        from .services import clear_posts_of_deleted_account

        super().ready()
        register_cleanup("activities", clear_posts_of_deleted_account)

from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section, SectionAppConfig


class StoriesConfig(SectionAppConfig):
    default = True
    name = "stories"
    verbose_name = _("Verhalen")
    section = Section(key="verhalen", title=_("Mijn verhalen"), order=60)
    # Submissions show in the moderation queue; published stories can be reported (app registry).
    moderated = "stories.moderated.KINDS"
    # How the stories of a deleted account go (found by accounts through the app registry).
    deletion_cleanup = "stories.services.clear_posts_of_deleted_account"
    # How the privacy export shows a person their rows (found by accounts through the app registry).
    exported = "stories.exported.KINDS"

    def ready(self) -> None:
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        super().ready()

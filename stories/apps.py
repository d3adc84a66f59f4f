from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Verhalen")
    # Submissions show in the moderation queue; published stories can be reported (app registry).
    moderated = "stories.moderated.KINDS"

    def ready(self) -> None:
        from accounts.dashboard import register_section

        from . import selectors
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        register_section(
            key="verhalen",
            title=_("Mijn verhalen"),
            template="stories/includes/mine.html",
            get_context=lambda user: {"submissions": selectors.submissions_of(user=user)},
            order=60,
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Verhalen")

    def ready(self) -> None:
        from accounts.dashboard import register_section
        from accounts.deletion import register_cleanup

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
        from .services import clear_posts_of_deleted_account

        register_cleanup("stories", clear_posts_of_deleted_account)

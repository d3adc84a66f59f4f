from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Activiteiten")

    def ready(self):
        from accounts.dashboard import register_section
        from accounts.deletion import register_cleanup

        from .selectors import my_activities

        register_section(
            key="activiteiten",
            title=_("Mijn activiteiten en spreekuren"),
            template="activities/includes/mine.html",
            get_context=lambda user: {"activities": list(my_activities(user=user)[:50])},
            order=20,
        )
        from .services import clear_posts_of_deleted_account

        register_cleanup("activities", clear_posts_of_deleted_account)

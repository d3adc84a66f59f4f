from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Verhalen")

    def ready(self) -> None:
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderatie")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderatie")
    # How the privacy export shows a person their rows (found by accounts through the app registry).
    exported = "moderation.exported.KINDS"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()

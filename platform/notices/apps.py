from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = _("Buurtpreventie en meldingen")

    def ready(self):
        from django.conf import settings
        from django.contrib.auth.signals import user_logged_out
        from django.db.models.signals import post_delete, post_save, pre_save

        from . import signal_handlers
        from .models import Membership

        post_save.connect(
            signal_handlers.membership_saved, sender=Membership, dispatch_uid="notices_membership_saved"
        )
        post_delete.connect(
            signal_handlers.membership_deleted, sender=Membership, dispatch_uid="notices_membership_deleted"
        )
        user_logged_out.connect(signal_handlers.user_logged_out, dispatch_uid="notices_user_logged_out")
        post_delete.connect(
            signal_handlers.user_deleted, sender=settings.AUTH_USER_MODEL, dispatch_uid="notices_user_deleted"
        )

        pre_save.connect(
            signal_handlers.user_changing,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="notices_user_changing",
        )

from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section, SectionAppConfig


class NoticesConfig(SectionAppConfig):
    default = True
    name = "notices"
    verbose_name = _("Buurtpreventie en meldingen")
    section = Section(key="buurtpreventie", title=_("Buurtpreventie"), order=80)
    # Members may report a notice to the moderation queue (found through the app registry).
    moderated = "notices.moderated.KINDS"
    # How the privacy export shows a person their rows (found by accounts through the app registry).
    exported = "notices.exported.KINDS"

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
        super().ready()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = _("Buurtpreventie en meldingen")

    def ready(self):
        from django.conf import settings
        from django.contrib.auth.signals import user_logged_out
        from django.db.models.signals import post_delete, post_save, pre_save

        import notifications.selectors
        from accounts.dashboard import register_section

        from . import selectors, signal_handlers
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
            signal_handlers.user_password_changing,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="notices_user_password_changing",
        )

        register_section(
            key="buurtpreventie",
            title=_("Buurtpreventie en meldingen"),
            template="notices/includes/mine_section.html",
            get_context=lambda user: {
                "memberships": list(selectors.memberships_of(user=user)),
                "summary": notifications.selectors.summary(user=user),
            },
            order=80,
        )

from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section, SectionAppConfig


class NotificationsConfig(SectionAppConfig):
    """Personal notifications: a text and a link for one user, on /mijn/meldingen/, live, by e-mail and push.

    Every app may tell a user something through :func:`notifications.services.notify`; this app imports
    only ``accounts`` and ``core``.
    """

    default = True
    name = "notifications"
    verbose_name = _("Meldingen")
    section = Section(key="meldingen", title=_("Meldingen: hoe wilt u ze krijgen?"), order=85)
    # Drops the links to what a deleted account removed (found by accounts through the app registry).
    deletion_forgetter = "notifications.services.forget_links"
    # How the privacy export shows a person their rows (found by accounts through the app registry).
    exported = "notifications.exported.KINDS"

"""The notification section of /mijn/: the choice per kind, the devices and the key for subscribing."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section

from . import push, selectors
from .forms import PreferencesForm

#: This app's part of /mijn/ (found by accounts through core.registry).
SECTION = Section(key="meldingen", title=_("Meldingen: hoe wilt u ze krijgen?"), order=85)


def mine_context(*, user) -> dict:
    keys = push.vapid_keys()
    return {
        "form": PreferencesForm(rows=selectors.settings_for(user=user)),
        "devices": selectors.devices(user=user),
        "vapid_public_key": keys.public if keys else "",
        # "22-7": from 22 to 7 o'clock, each number put into the sentence of the page's language
        "quiet_hours": (settings.PUSH_QUIET_HOURS or "").split("-", 1) if settings.PUSH_QUIET_HOURS else None,
    }

"""The notification section of /mijn/: the choice per kind, the devices and the key for subscribing."""

from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section

from . import push, selectors, services
from .forms import PreferencesForm

#: This app's part of /mijn/ (found by accounts through core.registry).
SECTION = Section(key="meldingen", title=_("Meldingen: hoe wilt u ze krijgen?"), order=85)


def mine_context(*, user) -> dict:
    keys = push.vapid_keys()
    return {
        "form": PreferencesForm(rows=selectors.settings_for(user=user)),
        "devices": selectors.devices(user=user),
        "vapid_public_key": keys.public if keys else "",
        # (22, 7): from 22 to 7 o'clock, as the pushes keep them; each put into the page's sentence
        "quiet_hours": services.quiet_hours(),
    }

"""The prevention-group section of /mijn/: the groups one belongs to or asked to join."""

from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section

from .selectors import memberships_of

#: This app's part of /mijn/ (found by accounts through core.registry).
SECTION = Section(key="buurtpreventie", title=_("Buurtpreventie"), order=80)


def mine_context(*, user) -> dict:
    return {"memberships": list(memberships_of(user=user))}

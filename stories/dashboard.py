"""The stories section of /mijn/."""

from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section

from .selectors import submissions_of

#: This app's part of /mijn/ (found by accounts through core.registry).
SECTION = Section(key="verhalen", title=_("Mijn verhalen"), order=60)


def mine_context(*, user) -> dict:
    return {"submissions": submissions_of(user=user)}

"""The marketplace section of /mijn/."""

from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section
from accounts.roles import is_moderator, is_professional, is_volunteer

from . import selectors
from .forms import PreferenceForm

#: This app's part of /mijn/ (found by accounts through core.registry).
SECTION = Section(key="marketplace", title=_("Vraag en aanbod"), order=30)


def mine_context(*, user) -> dict:
    context = {
        "listings": list(selectors.listings_of(user=user)[:20]),
        "follow_ups": list(selectors.open_follow_ups(user=user)),
        "is_moderator": is_moderator(user),
    }
    if is_volunteer(user) or is_professional(user):
        pref = selectors.preference_of(user=user)
        context["preference_form"] = PreferenceForm(
            initial={
                "notify": pref.notify,
                "categories": pref.categories,
                "area": pref.area,
                "digest": pref.digest,
            },
            auto_id="voorkeur_%s",
        )
    return context

"""The activities section of /mijn/."""

from django.utils.translation import gettext_lazy as _

from accounts.dashboard import Section

from .selectors import my_activities, with_next_dates

#: The section shows this many, what needs the organiser first; the rest is on /mijn/activiteiten/.
SHOWN_ON_MINE = 5


#: This app's part of /mijn/ (found by accounts through core.registry).
SECTION = Section(key="activiteiten", title=_("Mijn activiteiten en spreekuren"), order=20)


def mine_context(*, user) -> dict:
    activities = my_activities(user=user)
    first = list(activities[: SHOWN_ON_MINE + 1])
    count = activities.count() if len(first) > SHOWN_ON_MINE else len(first)
    return {
        "activities": with_next_dates(first[:SHOWN_ON_MINE]),
        "count": count,
        "more": count > SHOWN_ON_MINE,
    }

"""The activities section of /mijn/."""

from .selectors import my_activities, with_next_dates

#: The section shows this many, what needs the organiser first; the rest is on /mijn/activiteiten/.
SHOWN_ON_MINE = 5


def mine_context(*, user) -> dict:
    activities = my_activities(user=user)
    first = list(activities[: SHOWN_ON_MINE + 1])
    count = activities.count() if len(first) > SHOWN_ON_MINE else len(first)
    return {
        "activities": with_next_dates(first[:SHOWN_ON_MINE]),
        "count": count,
        "more": count > SHOWN_ON_MINE,
    }

"""The part of an organisation's page that activities adds: its walk-in hours and activities to come
(found by organisations through ``core.registry``; organisations never imports this app)."""

from . import selectors
from .models import Activity


def part(*, organisation) -> dict | None:
    found = selectors.of_organisation(organisation=organisation)
    if not any(found.values()):
        return None
    return {
        "template": "activities/includes/organisation_part.html",
        "walk_ins": found[Activity.Kind.WALK_IN],
        "activities": found[Activity.Kind.ACTIVITY],
    }

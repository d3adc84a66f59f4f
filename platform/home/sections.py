"""What the home page shows from the content apps. Each entry renders one include."""

from django.http import HttpRequest

from activities import selectors as activity_selectors
from marketplace import selectors as marketplace_selectors
from stories import selectors as story_selectors


def home_sections(request: HttpRequest) -> list[dict]:
    """A list of {"template": ..., "context": {...}} in the order the home page shows them."""
    return [
        {
            "template": "activities/includes/home_today.html",
            "context": {
                # Few and compact, so that both lists fit on the first screen of a phone.
                "today": activity_selectors.today_in_the_district(limit=3),
                "open_now": activity_selectors.open_walk_ins(limit=3),
            },
        },
        {
            "template": "marketplace/includes/home_listings.html",
            "context": {"listings": marketplace_selectors.newest_listings(limit=6)},
        },
        {
            "template": "stories/includes/home_stories.html",
            "context": {"stories": story_selectors.newest_stories(limit=3)},
        },
    ]

"""What the home page shows from the content apps. Each entry renders one include."""

from django.http import HttpRequest

from stories import selectors as story_selectors


def home_sections(request: HttpRequest) -> list[dict]:
    """A list of {"template": ..., "context": {...}} in the order the home page shows them."""
    sections: list[dict] = []
    sections.append(
        {
            "template": "stories/includes/home_stories.html",
            "context": {"stories": story_selectors.newest_stories(limit=3)},
        }
    )
    return sections

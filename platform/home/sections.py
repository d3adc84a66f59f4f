"""What the home page shows from the content apps. Each entry renders one include."""

from django.http import HttpRequest

from marketplace import selectors as marketplace_selectors


def home_sections(request: HttpRequest) -> list[dict]:
    """A list of {"template": ..., "context": {...}} in the order the home page shows them."""
    sections: list[dict] = []
    sections.append(
        {
            "template": "marketplace/includes/home_listings.html",
            "context": {"listings": marketplace_selectors.newest_listings(limit=6)},
        }
    )
    return sections

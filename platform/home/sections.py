"""What the home page shows from the content apps. Each entry renders one include."""

from django.http import HttpRequest


def home_sections(request: HttpRequest) -> list[dict]:
    """A list of {"template": ..., "context": {...}} in the order the home page shows them."""
    sections: list[dict] = []
    return sections

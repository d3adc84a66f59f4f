"""The home page and site, so that the demo always has a front page."""

from .services import ensure_home_page


def load(*, today, stdout) -> None:
    home = ensure_home_page()
    stdout.write(f"  home: {home.title}")

"""The home page and site, so that the demo always has a front page."""

from .services import ensure_home_page, ensure_root_collection


def load(*, today, stdout) -> None:
    ensure_root_collection()
    home = ensure_home_page()
    stdout.write(f"  home: {home.title}")

"""What the ASGI and WSGI entry points do before Django starts."""

import os
import sys
from pathlib import Path


def prepare_environment() -> None:
    """Put platform/ and the project root on the path (the apps live in both) and pick the settings."""
    platform = Path(__file__).resolve().parent.parent
    for path in (platform, platform.parent):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijk.settings.dev")

"""WSGI entry point (HTTP only; live notices need the ASGI entry point)."""

import os
import sys
from pathlib import Path

_platform = Path(__file__).resolve().parent.parent
for _path in (_platform, _platform.parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijk.settings.dev")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()

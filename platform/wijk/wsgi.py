"""WSGI entry point (HTTP only; live notices need the ASGI entry point)."""

from wijk.entry import prepare_environment

prepare_environment()

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()

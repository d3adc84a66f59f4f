import os

import pytest

from search.backends import registry


@pytest.fixture(autouse=True)
def _search_defaults(settings):
    """Every search test starts on the embedded default unless it asks for Elasticsearch."""
    if not os.environ.get("ELASTICSEARCH_URL"):
        settings.ELASTICSEARCH_URL = ""
    registry.reset()
    yield
    registry.reset()


@pytest.fixture
def closed_port_url():
    """A URL on this machine where nothing listens."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"

import io

import pytest
from django.utils import timezone

from demo import loader


def load_demo(today=None) -> str:
    out = io.StringIO()
    loader.load(today=today or timezone.localdate(), stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db):
    """The demo content, loaded once for the test."""
    return load_demo()

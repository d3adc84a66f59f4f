import pytest

from .factories import story_index


@pytest.fixture
def index(db):
    return story_index()

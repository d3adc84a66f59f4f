import pytest

from tests.factories import UserFactory


@pytest.fixture
def member(db):
    return UserFactory(display_name="Anouk Jansen")


@pytest.fixture
def outsider(db):
    return UserFactory(display_name="Piet")

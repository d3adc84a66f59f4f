"""Project-wide fixtures: users per role, a client per role."""

import pytest
from django.conf import settings
from django.core.cache import caches

from accounts import roles
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_process_caches():
    """No post counted yet and no rendition remembered: what one test leaves there is not the next one's."""
    for alias in (settings.RATELIMIT_USE_CACHE, "renditions"):
        if alias in settings.CACHES:
            caches[alias].clear()


@pytest.fixture
def resident(db):
    return UserFactory(display_name="Fatma", roles=[roles.BEWONER])


@pytest.fixture
def volunteer(db):
    return UserFactory(display_name="Henk", roles=[roles.BEWONER, roles.VRIJWILLIGER])


@pytest.fixture
def professional(db):
    return UserFactory(display_name="Sanne", roles=[roles.PROFESSIONAL])


@pytest.fixture
def editor(db):
    return UserFactory(display_name="Jord", roles=[roles.REDACTIE], is_staff=True)


@pytest.fixture
def moderator(db):
    return UserFactory(display_name="Ingrid", roles=[roles.MODERATOR], is_staff=True)


@pytest.fixture
def other_resident(db):
    return UserFactory(display_name="Piet", roles=[roles.BEWONER])


@pytest.fixture
def client_for(client):
    """client_for(user) logs a fresh client in as that user."""
    from django.test import Client

    def make(user):
        c = Client()
        c.force_login(user)
        return c

    return make

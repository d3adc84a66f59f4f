import copy
import uuid

import pytest

from .factories import MembershipFactory, PreventionGroupFactory


@pytest.fixture(autouse=True)
def _isolated_live_state(settings):
    """A fresh channel layer and cache namespace per test, so parallel runs never share groups or presence."""
    tag = f"wijk-notices-test-{uuid.uuid4().hex[:10]}"
    layers = copy.deepcopy(settings.CHANNEL_LAYERS)
    if "CONFIG" in layers["default"]:
        layers["default"]["CONFIG"]["prefix"] = tag
    settings.CHANNEL_LAYERS = layers
    caches = copy.deepcopy(settings.CACHES)
    caches["default"]["KEY_PREFIX"] = tag
    settings.CACHES = caches


@pytest.fixture
def group(db):
    return PreventionGroupFactory(name="Buurtpreventie Ruwaard-Noord", slug="ruwaard-noord")


@pytest.fixture
def other_group(db):
    return PreventionGroupFactory(name="Buurtpreventie Ruwaard-Zuid", slug="ruwaard-zuid")


@pytest.fixture
def coordinator(group):
    return MembershipFactory(group=group, role="coordinator", user__display_name="Kees").user


@pytest.fixture
def member(group):
    return MembershipFactory(group=group, user__display_name="Anouk Jansen").user


@pytest.fixture
def second_member(group):
    return MembershipFactory(group=group, user__display_name="Bram").user


@pytest.fixture
def outsider(db):
    from tests.factories import UserFactory

    return UserFactory(display_name="Piet")

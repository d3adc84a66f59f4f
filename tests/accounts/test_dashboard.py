"""Content apps give their section of /mijn/ in their dashboard module; accounts imports none of them."""

import pytest

from accounts import dashboard
from tests.factories import UserFactory


@pytest.mark.django_db
def test_declared_sections_get_the_conventional_template_and_context_in_order():
    sections = dashboard.sections_for(UserFactory())
    by_key = {section["key"]: section for section in sections}
    expected = {
        "activiteiten": "activities/includes/mine.html",
        "marketplace": "marketplace/includes/mine.html",
        "verhalen": "stories/includes/mine.html",
        "buurtpreventie": "notices/includes/mine.html",
    }
    assert {key: by_key[key]["template"] for key in expected} == expected
    order = [s["key"] for s in sections]
    assert order.index("activiteiten") < order.index("marketplace") < order.index("verhalen")
    assert order.index("verhalen") < order.index("buurtpreventie")
    assert by_key["activiteiten"]["context"] == {"activities": [], "count": 0, "more": False}
    assert by_key["verhalen"]["context"] == {"submissions": []}


def test_a_section_keeps_its_own_template_and_context(monkeypatch):
    from django.apps import apps

    extra = dashboard.Section(
        key="extra", title="Extra", order=1, template="x.html", get_context=lambda user: {"u": user}
    )
    monkeypatch.setattr(
        dashboard, "offered_by", lambda module, name: ((apps.get_app_config("accounts"), extra),)
    )
    assert dashboard.sections_for("iemand") == [
        {"key": "extra", "title": "Extra", "template": "x.html", "context": {"u": "iemand"}}
    ]

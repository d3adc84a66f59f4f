"""Every edit form of the Wagtail admin builds from its panels (field names given as plain strings)."""

import pytest
from wagtail.models import get_page_models
from wagtail.snippets.models import get_snippet_models


def _ours(model) -> bool:
    return not model.__module__.startswith("wagtail.")


@pytest.mark.parametrize("model", [m for m in get_snippet_models() if _ours(m)], ids=lambda m: m.__name__)
def test_a_snippet_form_builds_with_every_field_it_names(model):
    form_class = model.snippet_viewset.get_edit_handler().get_form_class()
    panels = getattr(model.snippet_viewset, "panels", None) or getattr(model, "panels", [])
    names = [p for p in panels if isinstance(p, str)]
    assert set(names) <= set(form_class.base_fields)


@pytest.mark.parametrize("model", [m for m in get_page_models() if _ours(m)], ids=lambda m: m.__name__)
def test_a_page_form_builds_with_every_field_it_names(model):
    form_class = model.get_edit_handler().get_form_class()
    names = [p for p in model.content_panels if isinstance(p, str)]
    assert names and set(names) <= set(form_class.base_fields)

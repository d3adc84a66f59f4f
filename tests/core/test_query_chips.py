from django.template import Context, Template
from django.test import RequestFactory


def _render(source: str, url: str) -> str:
    request = RequestFactory().get(url)
    return Template("{% load core_tags %}" + source).render(Context({"request": request}))


def test_chip_removes_only_its_own_value_and_goes_back_to_page_one():
    url = "/agenda/?categorie=eten&categorie=bewegen&gratis=1&pagina=3"
    assert _render("{% query_without 'categorie' 'eten' %}", url) == "?categorie=bewegen&amp;gratis=1"
    assert _render("{% query_without 'gratis' %}", url) == "?categorie=eten&amp;categorie=bewegen"


def test_choice_label_names_a_value_or_shows_it_as_is():
    template = Template("{% load core_tags %}{{ value|choice_label:choices }}")
    choices = [("eten", "Eten"), ("bewegen", "Bewegen")]
    assert template.render(Context({"value": "eten", "choices": choices})) == "Eten"
    assert template.render(Context({"value": "2026-12-24", "choices": choices})) == "2026-12-24"

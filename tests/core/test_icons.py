"""Every category has a pictogram in the one sprite, next to its name, hidden from screen readers."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape

from activities.models import Activity, Occurrence
from activities.models import Category as ActivityCategory
from marketplace.models import Category as ListingCategory
from marketplace.models import Listing
from tests.factories import UserFactory

SVG = "{http://www.w3.org/2000/svg}"


def _symbols() -> dict[str, ET.Element]:
    tree = ET.parse(finders.find("wijk/img/icons.svg"))  # noqa: S314 (our own file)
    return {s.get("id"): s for s in tree.iter(f"{SVG}symbol")}


def test_sprite_has_a_24px_symbol_for_every_category():
    symbols = _symbols()
    wanted = [f"act-{value}" for value in ActivityCategory.values] + [
        f"mkt-{value}" for value in ListingCategory.values
    ]
    assert [name for name in wanted if name not in symbols] == []
    assert {symbols[name].get("viewBox") for name in wanted} == {"0 0 24 24"}
    # Drawn, not empty: every symbol has at least two shapes.
    assert all(len(list(symbols[name])) >= 2 for name in wanted)


def _icon_beside_label(html: str, symbol: str, label: str) -> bool:
    pattern = rf'<svg class="icon" aria-hidden="true" focusable="false"[^>]*><use href="[^"]*icons\.svg#{symbol}"></use></svg>\s*{re.escape(escape(label))}'
    return re.search(pattern, html) is not None


@pytest.mark.parametrize(("value", "label"), ActivityCategory.choices)
def test_agenda_card_shows_the_pictogram_beside_the_category_name(value, label):
    start = timezone.now()
    activity = Activity(title="Samen koffie", slug="samen-koffie", summary="Koffie.", category=value)
    occurrence = Occurrence(activity=activity, start=start, end=start + timedelta(hours=1))
    html = render_to_string("activities/includes/occurrence_card.html", {"occurrence": occurrence})
    assert _icon_beside_label(html, f"act-{value}", str(label)), html


@pytest.mark.parametrize(("value", "label"), ActivityCategory.choices)
def test_walk_in_card_shows_the_pictogram_of_its_topic(value, label):
    start = timezone.now()
    activity = Activity(
        title="Spreekuur", slug="spreekuur", summary="Hulp.", category=value, kind="walk_in", topic="Vragen"
    )
    occurrence = Occurrence(activity=activity, start=start, end=start + timedelta(hours=1))
    html = render_to_string("activities/walk_in_hours.html", {"groups": {"open_now": [occurrence]}})
    assert _icon_beside_label(html, f"act-{value}", str(label))
    assert f"#act-{value}" in html.split("Vragen", 1)[0].rsplit("<h3", 1)[1]  # beside the topic too


@pytest.mark.django_db
@pytest.mark.parametrize(("value", "label"), ListingCategory.choices)
def test_listing_card_shows_the_pictogram_beside_the_category_name(value, label):
    listing = Listing(
        pk=1, owner=UserFactory.build(display_name="Fatma"), kind="aanbod", category=value, title="Hulp"
    )
    html = render_to_string("marketplace/includes/listing_card.html", {"listing": listing})
    assert _icon_beside_label(html, f"mkt-{value}", str(label)), html


def test_unknown_category_renders_no_broken_pictogram():
    html = render_to_string(
        "activities/includes/occurrence_card.html",
        {
            "occurrence": Occurrence(
                activity=Activity(title="X", slug="x", category=""), start=timezone.now(), end=timezone.now()
            )
        },
    )
    assert "#act-" not in html

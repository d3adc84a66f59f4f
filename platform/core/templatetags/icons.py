"""Pictograms from the one sprite (static wijk/img/icons.svg): always beside a text, never instead of it."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

SPRITE = "wijk/img/icons.svg"
# The symbol of a category is "<prefix>-<value>": act- for activities (and walk-in hours), mkt- for
# vraag en aanbod. tests/core/test_icons.py checks that the sprite has one for every choice.
PREFIXES = {"activity": "act", "listing": "mkt"}


def _use(symbol: str, extra_class: str = ""):
    return format_html(
        '<svg class="icon{}" aria-hidden="true" focusable="false" width="24" height="24">'
        '<use href="{}#{}"></use></svg>',
        f" {extra_class}" if extra_class else "",
        static(SPRITE),
        symbol,
    )


@register.simple_tag
def icon(name: str, extra_class: str = ""):
    """{% icon "search" %}: an interface pictogram (i-search)."""
    return _use(f"i-{name}", extra_class)


@register.simple_tag
def category_icon(kind: str, value: str, extra_class: str = ""):
    """{% category_icon "activity" a.category %}: the pictogram of a category, or nothing if unknown."""
    prefix = PREFIXES.get(kind)
    if not prefix or not value:
        return ""
    return _use(f"{prefix}-{value}", extra_class)

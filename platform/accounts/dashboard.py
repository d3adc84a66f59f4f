"""Sections of the personal page /mijn/.

Content apps register a section in their AppConfig.ready(); accounts never imports them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template: str
    get_context: Callable[[Any], dict]
    order: int = 50


_sections: dict[str, Section] = {}


def register_section(
    *, key: str, title: str, template: str, get_context: Callable[[Any], dict], order: int = 50
) -> None:
    _sections[key] = Section(key=key, title=title, template=template, get_context=get_context, order=order)


def sections_for(user) -> list[dict]:
    """The sections of /mijn/ with their context, in order."""
    return [
        {"key": s.key, "title": s.title, "template": s.template, "context": s.get_context(user)}
        for s in sorted(_sections.values(), key=lambda s: (s.order, s.key))
    ]

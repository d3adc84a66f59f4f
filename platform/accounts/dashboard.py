"""Sections of the personal page /mijn/.

A content app gives its section as ``SECTION`` in its own ``dashboard`` module (found through
``core.registry``; accounts never imports the content apps). By convention the same module's
``mine_context(user=...)`` gives the section's context and ``<app>/includes/mine.html`` shows it.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.utils.module_loading import import_string

from core.registry import offered_by


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    order: int = 50
    template: str = ""
    get_context: Callable[..., dict] | str = ""  # called with user=...; a dotted path is imported when needed

    def context_for(self, user) -> dict:
        get_context = (
            import_string(self.get_context) if isinstance(self.get_context, str) else self.get_context
        )
        return get_context(user=user)


def sections_for(user) -> list[dict]:
    """The sections of /mijn/ with their context, in order."""
    sections = [
        replace(
            section,
            template=section.template or f"{config.label}/includes/mine.html",
            get_context=section.get_context or f"{config.name}.dashboard.mine_context",
        )
        for config, section in offered_by("dashboard", "SECTION")
    ]
    return [
        {"key": s.key, "title": s.title, "template": s.template, "context": s.context_for(user)}
        for s in sorted(sections, key=lambda s: (s.order, s.key))
    ]

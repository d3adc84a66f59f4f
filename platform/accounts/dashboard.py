"""Sections of the personal page /mijn/.

A content app names its section on its AppConfig (a :class:`SectionAppConfig`); accounts never
imports the content apps. By convention the app's ``dashboard.mine_context(user=...)`` gives the
section's context and ``<app>/includes/mine.html`` shows it.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.apps import AppConfig
from django.utils.module_loading import import_string


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


_sections: dict[str, Section] = {}


def register_section(section: Section | None = None, /, **fields) -> None:
    """Add a section to /mijn/: a Section, or its fields as keywords."""
    section = section if section is not None else Section(**fields)
    _sections[section.key] = section


class SectionAppConfig(AppConfig):
    """An app with a section on /mijn/: set ``section``; ``ready()`` registers it."""

    section: Section | None = None

    def ready(self) -> None:
        if self.section is not None:
            register_section(
                replace(
                    self.section,
                    template=self.section.template or f"{self.label}/includes/mine.html",
                    get_context=self.section.get_context or f"{self.name}.dashboard.mine_context",
                )
            )


def sections_for(user) -> list[dict]:
    """The sections of /mijn/ with their context, in order."""
    return [
        {"key": s.key, "title": s.title, "template": s.template, "context": s.context_for(user)}
        for s in sorted(_sections.values(), key=lambda s: (s.order, s.key))
    ]

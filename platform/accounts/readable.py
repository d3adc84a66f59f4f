"""The privacy export for people to read (overzicht.html); gegevens.json keeps every row, whole.

Each app says in ``<app>/exported.py`` how a person reads its rows (``KINDS``, see ``core.registry``),
a list of :class:`ReadableKind`: a Dutch heading and, per row, only what means something to the person.
Accounts finds them through ``core.registry`` and never imports the apps. Rows that no kind describes
(Wagtail's page tree and revisions, editing sessions) are in gegevens.json only.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, reduce
from operator import attrgetter, or_
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.registry import offered

from . import roles
from .models import User

#: "woensdag 16 december 2026, 18:00" in the current language, in the site's time zone.
MOMENT = "l j F Y, H:i"
DAY = "l j F Y"

Getter = Callable[[Any], object]


def moment(value: datetime) -> str:
    return date_format(timezone.localtime(value), MOMENT)


def readable(value: object) -> str:
    """One value as a person reads it: dates in local time, yes or no, names of linked rows."""
    if isinstance(value, bool):
        return _("Ja") if value else _("Nee")
    if isinstance(value, datetime):
        return moment(value)
    if isinstance(value, date):
        return date_format(value, DAY)
    if isinstance(value, list | tuple):
        return ", ".join(readable(item) for item in value)
    return str(value)


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str | list | tuple | dict) and not value)


@dataclass(frozen=True)
class ReadableKind:
    """How overzicht.html shows a person their rows of one model.

    ``fields`` are model field names, shown with their verbose name and choices by their label, or
    ``(label, getter)`` pairs for what the model does not name well. Empty values are left out.
    """

    model: type[models.Model]
    fields: tuple[str | tuple[str, Getter], ...]
    title: str = ""  # the section's heading; the model's verbose_name_plural when empty
    heading: Getter | None = None  # the row's own line (a title, a name), above its fields
    select_related: tuple[str, ...] = ()
    # The links that make a row the person's own. Empty: the model's one link to a user. A model with more
    # (a notice's author and whoever set its status) must name them: the other links lead to other people's rows.
    user_fields: tuple[str, ...] = ()

    def section_title(self) -> str:
        return str(self.title or capfirst(self.model._meta.verbose_name_plural))

    def owner_fields(self) -> tuple[str, ...]:
        if self.user_fields:
            return self.user_fields
        links = [
            f.name for f in self.model._meta.concrete_fields if f.is_relation and f.related_model is User
        ]
        if len(links) != 1:
            raise ImproperlyConfigured(
                f"{self.model.__name__} links to users by {links}: name its user_fields"
            )
        return tuple(links)

    def rows(self, *, user: User) -> models.QuerySet:
        mine = reduce(or_, (models.Q(**{name: user}) for name in self.owner_fields()))
        return self.model._default_manager.filter(mine).select_related(*self.select_related).order_by("pk")

    def entry(self, row) -> dict:
        heading = self.heading(row) if self.heading else None
        shown = [(label, get(row)) for label, get in map(self._label_and_getter, self.fields)]
        return {
            "heading": "" if _is_empty(heading) else readable(heading),
            "fields": [(label, readable(value)) for label, value in shown if not _is_empty(value)],
        }

    def _label_and_getter(self, spec: str | tuple[str, Getter]) -> tuple[str, Getter]:
        if not isinstance(spec, str):
            label, get = spec
            return str(capfirst(label)), get
        field = self.model._meta.get_field(spec)
        label = str(capfirst(field.verbose_name))
        if field.choices:
            return label, lambda row: getattr(row, f"get_{spec}_display")()
        return label, attrgetter(spec)


@cache
def kinds() -> list[ReadableKind]:
    """Every kind the apps describe, by app label."""
    return [kind for kinds_of_app in offered("exported", "KINDS") for kind in kinds_of_app]


def sections(*, user: User) -> list[dict]:
    """Per kind of data that has rows of the person: its heading and one entry per row."""
    found = []
    for kind in kinds():
        rows = list(kind.rows(user=user))
        if rows:
            found.append({"title": kind.section_title(), "items": [kind.entry(row) for row in rows]})
    return sorted(found, key=lambda section: section["title"])


def summary_context(*, user: User) -> dict:
    """What overzicht.html shows: the account itself, then every section."""
    return {
        "account": user,
        "roles": sorted(str(roles.ROLES.get(name, name)) for name in roles.role_names(user)),
        "sections": sections(user=user),
        "exported_at": timezone.now(),
    }

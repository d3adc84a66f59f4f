"""Reads of the moderation queue."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from . import registry
from .models import Decision, Report

RECENT_DECISIONS = 20
BUTTONS = {
    "approve": (_("Goedkeuren"), "button"),
    "request_changes": (_("Aanpassing vragen"), "button button--secondary"),
    "hide": (_("Verbergen"), "button button--danger"),
    "unhide": (_("Weer tonen"), "button button--secondary"),
}
STATES = {
    "pending": (_("Wacht op goedkeuring"), "tag--warning"),
    "visible": (_("Zichtbaar"), "tag--open"),
    "hidden": (_("Verborgen"), "tag--danger"),
    "review": (_("Bij de redactie"), "tag--warning"),
}


class _AskKind:
    """An attribute of an Item that its kind answers: ``item.title`` is ``item.kind.title(item.obj)``."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, item, owner=None):
        return self if item is None else getattr(item.kind, self.name)(item.obj)

    def __set__(self, item, value) -> None:
        raise AttributeError(f"{self.name} is what the kind says; it cannot be set")


@dataclass
class Item:
    """One thing in the queue: what it is, how it stands, who reported it and what was decided."""

    kind: object
    obj: object
    reports: list[Report] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.kind.name}-{self.obj.pk}"

    state = _AskKind()
    title = _AskKind()
    text = _AskKind()
    author = _AskKind()
    url = _AskKind()

    @property
    def review_url(self) -> str:
        review = getattr(self.kind, "review_url", None)
        return review(self.obj) if review else ""

    @property
    def actions(self) -> list[str]:
        from .services import allowed_actions

        return allowed_actions(kind=self.kind, obj=self.obj)

    @property
    def buttons(self) -> list[tuple[str, str, str]]:
        """(action, label, css class) of every decision that fits now."""
        return [(action, *BUTTONS[action]) for action in self.actions if action in BUTTONS]

    @property
    def has_open_reports(self) -> bool:
        return any(report.handled_at is None for report in self.reports)

    @property
    def state_label(self) -> tuple[str, str]:
        return STATES.get(self.state, (self.state, ""))

    @property
    def since(self):
        dates = [r.created_at for r in self.reports]
        return (
            min(dates)
            if dates
            else getattr(self.obj, "created_at", None)
            or getattr(self.obj, "latest_revision_created_at", None)
        )


def queue(*, kind_name: str | None = None) -> list[Item]:
    """Everything that waits: first posts of every kind, and every thing with an open report
    (only of one kind when `kind_name` is given)."""
    items: dict[tuple[str, int], Item] = {}
    kinds = [k for k in registry.kinds().values() if kind_name in (None, k.name)]
    for kind in kinds:
        for obj in kind.pending():
            items[(kind.name, obj.pk)] = Item(kind=kind, obj=obj)
    open_reports = list(
        Report.objects.open().filter(kind__in=[k.name for k in kinds]).select_related("reporter")
    )
    wanted: dict[str, set[int]] = {}
    for report in open_reports:
        wanted.setdefault(report.kind, set()).add(report.object_id)
    found = {}
    for name, pks in wanted.items():
        kind = registry.kind_named(name)
        if kind is not None:
            found[name] = kind.in_bulk(pks)
    for report in open_reports:
        obj = found.get(report.kind, {}).get(report.object_id)
        if obj is None:
            continue
        key = (report.kind, report.object_id)
        if key not in items:
            items[key] = Item(kind=registry.kind_named(report.kind), obj=obj)
        items[key].reports.append(report)
    _attach_decisions(list(items.values()))
    return sorted(items.values(), key=lambda item: (not item.reports, item.since is None, item.since))


def _attach_decisions(items: list[Item]) -> None:
    if not items:
        return
    by_kind: dict[str, list[int]] = {}
    for item in items:
        by_kind.setdefault(item.kind.name, []).append(item.obj.pk)
    lookup = {(item.kind.name, item.obj.pk): item for item in items}
    for name, pks in by_kind.items():
        for decision in Decision.objects.filter(kind=name, object_id__in=pks).select_related("by"):
            lookup[(name, decision.object_id)].decisions.append(decision)


def item(*, kind_name: str, pk: int) -> Item | None:
    kind = registry.kind_named(kind_name)
    obj = kind.get(pk) if kind else None
    if obj is None:
        return None
    found = Item(kind=kind, obj=obj)
    found.reports = list(
        Report.objects.about(kind.name, pk).select_related("reporter", "handled_by").order_by("-created_at")
    )
    _attach_decisions([found])
    return found


def recent_decisions(*, limit: int = RECENT_DECISIONS) -> list[Decision]:
    return list(Decision.objects.select_related("by", "subject")[:limit])


def account(*, pk: int):
    return get_user_model().objects.filter(pk=pk).first()


def account_decisions(*, user) -> list[Decision]:
    """Decisions about the account itself and about everything it posted."""
    return list(Decision.objects.filter(subject=user).select_related("by")[:50])

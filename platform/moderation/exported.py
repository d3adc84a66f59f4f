"""How a person reads their reports and the moderators' decisions in the privacy export (``accounts.readable``)."""

from operator import attrgetter

from accounts.readable import ReadableKind

from .models import Decision, Report
from .registry import kind_named


def _what(report: Report) -> str:
    """What was reported, by its kind's Dutch name ("Activiteit")."""
    kind = kind_named(report.kind)
    return kind.label if kind is not None else report.kind


KINDS = [
    ReadableKind(
        model=Report,
        heading=_what,
        fields=("reason", "note", "created_at", "handled_at"),
        user_fields=("reporter",),  # not the reports a moderator handled
    ),
    ReadableKind(
        model=Decision,
        heading=attrgetter("title"),
        fields=("action", "reason", "created_at"),
        user_fields=("subject",),  # decisions about the person, not those a moderator took about others
    ),
]

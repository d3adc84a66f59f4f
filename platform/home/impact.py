"""Figures of use and results per month, for partners and funders (/impact/).

Each app answers for its own figures through an `impact_counts(*, start, end)` selector; this module
only puts the months side by side.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import accounts.selectors
import activities.selectors
import marketplace.selectors
import notices.selectors
import stories.selectors
from organisations.selectors import organisations_of


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    explanation: str


FIGURES = [
    Figure("new_accounts", _("Nieuwe accounts"), _("Mensen die een account maakten.")),
    Figure("activity_dates", _("Activiteiten gehouden"), _("Data in de agenda die doorgingen.")),
    Figure(
        "walk_in_dates", _("Inloopspreekuren gehouden"), _("Spreekuren van professionals die doorgingen.")
    ),
    Figure("asks", _("Hulpvragen geplaatst"), _("Nieuwe vragen in vraag en aanbod.")),
    Figure("offers", _("Hulpaanbod geplaatst"), _("Nieuw aanbod in vraag en aanbod.")),
    Figure("matches", _("Afspraken gemaakt"), _("Een vraag en een helper vonden elkaar.")),
    Figure("ja", _("Gelukt"), _("Antwoord 'ja' op de vraag: is het gelukt?")),
    Figure("stories", _("Verhalen gepubliceerd"), _("Verhalen van bewoners op de site.")),
    Figure("notices", _("Meldingen buurtpreventie"), _("Meldingen in de preventiegroepen.")),
]

SOURCES: list[Callable[..., dict[str, int]]] = [
    accounts.selectors.impact_counts,
    activities.selectors.impact_counts,
    marketplace.selectors.impact_counts,
    stories.selectors.impact_counts,
    notices.selectors.impact_counts,
]


def can_see_impact(user) -> bool:
    """Staff, moderators, editors and members of a partner organisation."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser or user.is_moderator or user.is_editor:
        return True
    return organisations_of(user=user).exists()


def month_starts(*, today: date, months: int) -> list[date]:
    """The first day of each of the last `months` months, oldest first, this month included."""
    firsts = []
    year, month = today.year, today.month
    for _month in range(months):
        firsts.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return list(reversed(firsts))


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def monthly_figures(*, today: date | None = None, months: int = 6) -> list[dict]:
    """One row per month: {"month": date, "values": {key: count}}; the current month runs to today."""
    today = today or timezone.localdate()
    starts = month_starts(today=today, months=months)
    rows = []
    for first in starts:
        following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        start, end = _aware(first), _aware(following)
        values: dict[str, int] = {}
        for source in SOURCES:
            values.update(source(start=start, end=end))
        rows.append({"month": first, "values": {f.key: values.get(f.key, 0) for f in FIGURES}})
    return rows


def totals(rows: list[dict]) -> dict[str, int]:
    return {f.key: sum(row["values"][f.key] for row in rows) for f in FIGURES}

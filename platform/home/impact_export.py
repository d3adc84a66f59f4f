"""What leaves the site from /impact/: the one rule for small numbers, and the table of the CSV and XLSX.

The PDF, the CSV and the XLSX are downloads: every number in them passes `for_export`, and every total
shown beside its parts `totals_for_export`. The page itself shows partners the exact figures, and says both.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import impact

SMALL = 5  # counts from 1 to SMALL - 1 leave the site as "< 5"
HIDDEN = _("verborgen")


class Withheld(str):
    """What a download shows instead of a number that could point at a few people."""

    withheld = True  # for templates, which cannot ask isinstance()


def _small(count) -> bool:
    return count is not None and 0 < count < SMALL


def for_export(value, kind: str = "count"):
    """A number as it may leave the site: a count of 1 to 4 as "< 5"; a percentage, hours or euros computed
    from such a count hidden (2 matches at the € 25 the PDF prints would show as € 50)."""
    if kind == "count" and _small(value):
        return Withheld(f"< {SMALL}")
    if isinstance(value, impact.Share) and (_small(value.part) or _small(value.whole)):
        return Withheld(str(HIDDEN))
    if isinstance(value, impact.FromCounts) and any(_small(count) for count in value.counts):
        return Withheld(str(HIDDEN))
    return value


def totals_for_export(totals: list, parts: list) -> list:
    """Totals as they may leave the site beside parts that add up to their sum (a figure and its months; the
    dates held per category, which add up to activities plus walk-in hours): all have passed `for_export`."""
    # Any hidden part hides every total beside it: the totals minus the parts shown would give away a lone
    # hidden part, and could pin down several (two "< 5" that add up to 2 are both 1; 13 dates beside a
    # hidden walk-in count and parts of 10 and "< 5" leave only 1 and 4).
    if not any(isinstance(part, Withheld) for part in parts):
        return totals
    return [total if isinstance(total, Withheld) else Withheld(str(HIDDEN)) for total in totals]


def exact(value, kind: str = "count"):
    """A number as the page shows it to partners: as counted."""
    return value


def rule_text() -> str:
    """What `for_export` does, in the words of the page and the PDF."""
    return gettext(
        "In de downloads (PDF, CSV en Excel) staat een aantal van 1 tot en met %(last)s als „%(small)s”. "
        "Een percentage, aantal uren of bedrag dat uit zo'n klein aantal komt, staat er als „%(hidden)s”. "
        "Dat geldt ook voor een totaal als een deel ervan (een maand, een rubriek) niet te zien is. "
        "Zo is niemand te herkennen als u de cijfers deelt."
    ) % {"last": SMALL - 1, "small": for_export(1), "hidden": HIDDEN}


def table(
    *, selection: impact.Selection, shown: dict[str, dict], months: list[dict]
) -> tuple[list[str], list[list]]:
    """The CSV and XLSX: the columns of the page with the unit after the figure, then the district per month.
    `shown` holds the totals by scope and key as the PDF shows them, every total already checked against its
    parts in any download (the months here among them); `months` are those the PDF was made from."""
    organisation = selection.organisation
    columns = impact.figure_columns(organisation=organisation)
    header = []
    for key, label in columns:
        header += [str(label), gettext("Eenheid")] if key == "figure" else [str(label)]
    header += [gettext("Wijk %(month)s") % {"month": f"{row['month']:%Y-%m}"} for row in months]
    body = []
    for figure in impact.FIGURES:
        monthly = [for_export(month["values"].get(figure.key), figure.kind) for month in months]
        row = []
        for key, _label in columns:
            if key == "figure":
                row += [str(figure.label), figure.unit]
            elif key == "explanation":
                row.append(str(figure.explanation))
            else:
                row.append(shown[key].get(figure.key))
        body.append(row + monthly)
    return header, body

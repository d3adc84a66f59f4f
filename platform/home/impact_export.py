"""What leaves the site from /impact/: the one rule for small numbers, and the table of the CSV and XLSX.

The PDF, the CSV and the XLSX are downloads: every number in them passes `for_export`, and `Cells` hides
what else could give a hidden one back. The page itself shows partners the exact figures, and says both.
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


class Cells:
    """Every number of /impact/ and its downloads, by a key of the caller's, with the sums between them.

    A total beside its parts gives a hidden part back (the total minus the parts shown), and one total can
    be had from each of its sums (the months, the categories, the groups). So, until nothing changes: a
    hidden part hides the totals of its sum, and a hidden total hides every part of its other sums. Then
    a hidden total is known only as the shown parts plus its hidden ones, each "< 5" (1 to 4), and no
    hidden number can be worked out from the others.
    """

    def __init__(self):
        self._exact: dict = {}
        self._kinds: dict = {}
        self._sums: list[tuple[tuple, tuple]] = []
        self._needs: list[tuple] = []

    def add(self, key, value, kind: str = "count") -> None:
        self._exact[key] = value
        self._kinds[key] = kind

    def add_sum(self, totals: list, parts: list) -> None:
        """The counts `totals` add up to what the counts `parts` add up to."""
        self._sums.append((tuple(totals), tuple(part for part in parts if self._exact[part] is not None)))

    def needs(self, key, count) -> None:
        """`key` (an amount in euros) would give `count` back: it is hidden when `count` is."""
        self._needs.append((key, count))

    def exact(self) -> dict:
        """Every number as counted: what the page shows partners."""
        return dict(self._exact)

    def for_export(self) -> dict:
        """Every number as it may leave the site."""
        shown = {key: for_export(value, self._kinds[key]) for key, value in self._exact.items()}

        def hidden(key) -> bool:
            return isinstance(shown[key], Withheld)

        def hide(key) -> None:
            shown[key] = Withheld(str(HIDDEN))

        changed = True
        while changed:
            changed = False
            for totals, parts in self._sums:
                if any(hidden(part) for part in parts):
                    for total in totals:
                        if not hidden(total):
                            hide(total)
                            changed = True
                elif parts and any(hidden(total) for total in totals):
                    # All of them: one hidden part (even the largest) still has a range that the bounds of
                    # the other sums ("< 5" is 1 to 4, "verborgen" is 0 or 5 and more) can narrow to one.
                    for part in parts:
                        hide(part)
                    changed = True
        for key, count in self._needs:
            if hidden(count):
                hide(key)
        return shown


def exact(value, kind: str = "count"):
    """A number as the page shows it to partners: as counted."""
    return value


def rule_text() -> str:
    """What `for_export` does, in the words of the page and the PDF."""
    return gettext(
        "In de downloads (PDF, CSV en Excel) staat een aantal van 1 tot en met %(last)s als „%(small)s”. "
        "Een percentage, aantal uren of bedrag dat uit zo'n klein aantal komt, staat er als „%(hidden)s”. "
        "Dat geldt ook voor een totaal als een deel ervan (een maand, een rubriek) niet te zien is. "
        "Dan staan ook de andere delen van dat totaal (bijvoorbeeld de maanden) als „%(hidden)s”, "
        "zodat niemand een verborgen getal kan uitrekenen. "
        "Zo is niemand te herkennen als u de cijfers deelt."
    ) % {"last": SMALL - 1, "small": for_export(1), "hidden": HIDDEN}


def table(
    *, selection: impact.Selection, shown: dict[str, dict], months: list[dict]
) -> tuple[list[str], list[list]]:
    """The CSV and XLSX: the columns of the page with the unit after the figure, then the district per month.
    `shown` holds the totals by scope and key and `months` the district per month, both as every download
    shows them (from one `Cells.for_export`, so that no file gives back what another hides)."""
    organisation = selection.organisation
    columns = impact.figure_columns(organisation=organisation)
    header = []
    for key, label in columns:
        header += [str(label), gettext("Eenheid")] if key == "figure" else [str(label)]
    header += [gettext("Wijk %(month)s") % {"month": f"{row['month']:%Y-%m}"} for row in months]
    body = []
    for figure in impact.FIGURES:
        monthly = [month["values"].get(figure.key) for month in months]
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

"""/impact/: the page, its PDF and its CSV and XLSX exports, all for the chosen period."""

import csv
import io
import mimetypes
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import PermissionDenied, SuspiciousFileOperation
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from weasyprint.urls import URLFetcher, URLFetcherResponse

from . import charts, impact, impact_export


def _month_label(month) -> str:
    """'okt 2026' in the visitor's language, not the server's C locale."""
    return date_format(month, "b Y")


def _check(request) -> None:
    if not impact.can_see_impact(request.user):
        raise PermissionDenied(
            _("Deze cijfers zijn voor partnerorganisaties, de redactie en de beheerders van de site.")
        )


def _charts(*, months: list[dict], visits: list[tuple[str, int]]) -> list[tuple[list, dict]]:
    """The charts: each its bars as (label, key of the number in the download's Cells), and its spec."""

    def per_month(key) -> list:
        return [(_month_label(row["month"]), ("month", index, key)) for index, row in enumerate(months)]

    return [
        (
            [(_month_label(row["month"]), ("held", index)) for index, row in enumerate(months)],
            {
                "id": "chart-held",
                "title": _("Gehouden activiteiten en spreekuren per maand"),
                "description": _("Aantal data per maand die doorgingen."),
            },
        ),
        (
            per_month("matches"),
            {
                "id": "chart-matches",
                "title": _("Afspraken in vraag en aanbod per maand"),
                "description": _("Aantal aangenomen reacties per maand."),
            },
        ),
        (
            per_month("current_share"),
            {
                "id": "chart-current",
                "title": _("Deel actueel gehouden per maand"),
                "description": _("Procent van de gehouden data met een bevestiging in de 8 weken ervoor."),
                "unit": "%",
                "maximum": 100,
            },
        ),
        (
            [(label, ("visits", label)) for label, _n in visits],
            {
                "id": "chart-visits",
                "title": _("Bezochte pagina's per onderdeel"),
                "description": _("Aantal getoonde pagina's in de periode, per onderdeel van de site."),
            },
        ),
    ]


def _cells(
    *, figures: dict[str, dict], months: list[dict], visits: list[tuple[str, int]], breakdowns: list[dict]
) -> impact_export.Cells:
    """Every number of the page and its downloads, with the sums that hold between them."""
    cells = impact_export.Cells()
    kinds = {f.key: f.kind for f in impact.FIGURES}
    for scope, values in figures.items():
        for key, kind in kinds.items():
            cells.add(("total", scope, key), values.get(key), kind)
        cells.needs(("total", scope, "value"), ("total", scope, "matches"))
    for index, row in enumerate(months):
        for key, kind in kinds.items():
            cells.add(("month", index, key), row["values"].get(key), kind)
        cells.needs(("month", index, "value"), ("month", index, "matches"))
        held = row["values"]["activity_dates"] + row["values"]["walk_in_dates"]
        cells.add(("held", index), held)
        cells.add_sum(
            [("held", index)], [("month", index, "activity_dates"), ("month", index, "walk_in_dates")]
        )
    for key, kind in kinds.items():
        # the months add up to the period: counts, hours and euros (a median or a percentage does not)
        if kind in ("count", "hours", "euros") and key != "median_match_hours" and months:
            cells.add_sum(
                [("total", "district", key)], [("month", index, key) for index in range(len(months))]
            )
    for label, n in visits:
        cells.add(("visits", label), n)
    if visits:
        cells.add_sum([("total", "district", "visits")], [("visits", label) for label, _n in visits])
    for number, table in enumerate(breakdowns):
        for row, (_label, values) in enumerate(table["rows"]):
            for column, value in enumerate(values):
                cells.add(("breakdown", number, row, column), value)
        for column, (scope, keys) in enumerate(table["adds_up_to"]):
            cells.add_sum(
                [("total", scope, key) for key in keys],
                [("breakdown", number, row, column) for row in range(len(table["rows"]))],
            )
    return cells


def _context(request, *, download: bool = False) -> dict:
    """What the page shows; in a download (the PDF, CSV and XLSX) every number has passed the rule for
    small ones, and no hidden number can be computed back from the others (see `impact_export.Cells`)."""
    selection = impact.choose(data=request.GET, user=request.user)
    period, organisation = selection.period, selection.organisation
    now = timezone.now()
    months = impact.monthly_figures(period=period)
    figures = {
        "district": impact.district_figures(period=period, now=now),
        "organisation": (
            impact.organisation_figures(period=period, organisation=organisation, now=now)
            if organisation
            else {}
        ),
    }
    exact_breakdowns = impact.breakdowns(period=period, now=now, organisation=organisation)
    visits = impact.visits_per_section(period=period)
    cells = _cells(figures=figures, months=months, visits=visits, breakdowns=exact_breakdowns)
    value = cells.for_export() if download else cells.exact()
    shown = {scope: {f.key: value[("total", scope, f.key)] for f in impact.FIGURES} for scope in figures}
    breakdowns = [
        {
            **table,
            "rows": [
                (label, [value[("breakdown", number, row, column)] for column in range(len(values))])
                for row, (label, values) in enumerate(table["rows"])
            ],
        }
        for number, table in enumerate(exact_breakdowns)
    ]
    chart_list = [
        charts.bar_chart(rows=[(label, value[key]) for label, key in bars], **spec)
        for bars, spec in _charts(months=months, visits=visits)
    ]
    themes = [
        {
            "key": key,
            "title": title,
            "figures": [
                {"figure": f, "value": shown["district"][f.key], "own": shown["organisation"][f.key]}
                for f in impact.FIGURES
                if f.theme == key
            ],
        }
        for key, title in impact.THEMES
    ]
    return {
        "selection": selection,
        "form": selection.form,
        "period": period,
        "organisation": organisation,
        "themes": themes,
        "charts": {c.id.removeprefix("chart-"): c for c in chart_list},
        # the district per month as the CSV and XLSX show it
        "months": [
            {"month": row["month"], "values": {f.key: value[("month", index, f.key)] for f in impact.FIGURES}}
            for index, row in enumerate(months)
        ],
        "figures": impact.FIGURES,
        "columns": impact.figure_columns(organisation=organisation),
        "breakdowns": breakdowns,
        "shown": shown,
        "export_rule": impact_export.rule_text(),
        "money": impact.value_source(),
        "query": request.GET.urlencode(),
        "today": timezone.localdate(),
    }


def impact_page(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    _check(request)
    context = _context(request)
    return render(request, "home/impact.html", context)


def _static_file(url: str) -> Path | None:
    """The file behind one of our static URLs: collected (hashed names, as served) or from an app."""
    if settings.STATIC_URL not in url:
        return None
    name = url.split(settings.STATIC_URL, 1)[-1].split("?", 1)[0].split("#", 1)[0]
    try:
        if settings.STATIC_ROOT and staticfiles_storage.exists(name):
            found = staticfiles_storage.path(name)
        else:
            found = finders.find(name)
    except SuspiciousFileOperation:  # a name that climbs out of the static folders
        return None
    return Path(found) if found and Path(found).is_file() else None  # a folder is no file to read


class StaticFetcher(URLFetcher):
    """WeasyPrint reads our own static files from disk and nothing from elsewhere."""

    def fetch(self, url, headers=None):
        path = _static_file(url)
        if path is None:
            raise ValueError(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": content_type})


def impact_pdf(request):
    _check(request)
    from weasyprint import HTML

    context = _context(request, download=True)
    html = render_to_string("home/impact.html", {**context, "for_print": True}, request=request)
    pdf = HTML(string=html, base_url="http://localhost/", url_fetcher=StaticFetcher()).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="wijk-de-ruwaard-cijfers-{context["period"].slug}.pdf"'
    )
    return response


def _table(request) -> tuple[list[str], list[list], str]:
    context = _context(request, download=True)  # the totals exactly as the PDF shows them
    header, body = impact_export.table(
        selection=context["selection"], shown=context["shown"], months=context["months"]
    )
    return header, body, context["period"].slug


def _dutch_decimal(value):
    """42.9 as Dutch Excel reads a number: 42,9 (a point would make it text or a date)."""
    if not isinstance(value, float | Decimal):
        return value
    with translation.override("nl"):
        return number_format(value, use_l10n=True)


def impact_csv(request):
    _check(request)
    header, body, slug = _table(request)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows([[_dutch_decimal(value) for value in row] for row in body])
    response = HttpResponse(
        ("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="wijk-de-ruwaard-cijfers-{slug}.csv"'
    return response


def impact_xlsx(request):
    _check(request)
    from openpyxl import Workbook

    header, body, slug = _table(request)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Cijfers")
    sheet.append(header)
    for row in body:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="wijk-de-ruwaard-cijfers-{slug}.xlsx"'
    return response

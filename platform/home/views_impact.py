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


def _charts(
    *, months: list[dict], period: impact.Period, show
) -> list[tuple[tuple[str, ...], list, charts.Chart]]:
    """The charts, each with the district figures its bars are parts of and the values of its bars."""

    def per_month(value) -> list:
        return [(_month_label(row["month"]), value(row["values"])) for row in months]

    specs = [
        (
            ("activity_dates", "walk_in_dates"),
            per_month(lambda values: show(values["activity_dates"] + values["walk_in_dates"])),
            {
                "id": "chart-held",
                "title": _("Gehouden activiteiten en spreekuren per maand"),
                "description": _("Aantal data per maand die doorgingen."),
            },
        ),
        (
            ("matches",),
            per_month(lambda values: show(values["matches"])),
            {
                "id": "chart-matches",
                "title": _("Afspraken in vraag en aanbod per maand"),
                "description": _("Aantal aangenomen reacties per maand."),
            },
        ),
        (
            ("current_share",),
            per_month(lambda values: show(values["current_share"], "share")),
            {
                "id": "chart-current",
                "title": _("Deel actueel gehouden per maand"),
                "description": _("Procent van de gehouden data met een bevestiging in de 8 weken ervoor."),
                "unit": "%",
                "maximum": 100,
            },
        ),
        (
            ("visits",),
            [(label, show(n)) for label, n in impact.visits_per_section(period=period)],
            {
                "id": "chart-visits",
                "title": _("Bezochte pagina's per onderdeel"),
                "description": _("Aantal getoonde pagina's in de periode, per onderdeel van de site."),
            },
        ),
    ]
    return [(keys, rows, charts.bar_chart(rows=rows, **spec)) for keys, rows, spec in specs]


def _parts(
    *, chart_list: list, breakdowns: list[dict], months: list[dict], show
) -> dict[tuple[str, tuple[str, ...]], list]:
    """The parts shown of each total in any download, by (scope, figure keys that add up to it): a chart's
    bars, a column, and the months of the CSV and XLSX. One set for every download, so that a total hidden
    in one is hidden in all: the parts of another file cannot give it back."""
    parts: dict[tuple[str, tuple[str, ...]], list] = {}
    for figure in impact.FIGURES:
        parts[("district", (figure.key,))] = [show(m["values"].get(figure.key), figure.kind) for m in months]
    for keys, rows, _chart in chart_list:
        parts.setdefault(("district", keys), []).extend(value for _label, value in rows)
    for table in breakdowns:
        for column, (scope, keys) in enumerate(table["adds_up_to"]):
            parts.setdefault((scope, keys), []).extend(values[column] for _label, values in table["rows"])
    return parts


def _shown(*, figures: dict[str, dict], parts: dict, show) -> dict[str, dict]:
    """The figure tables' values, by scope and key: each through `show`, each total beside its parts."""
    shown = {
        scope: {f.key: show(values.get(f.key), f.kind) for f in impact.FIGURES}
        for scope, values in figures.items()
    }
    for (scope, keys), values in parts.items():
        totals = impact_export.totals_for_export([shown[scope][key] for key in keys], values)
        shown[scope].update(zip(keys, totals, strict=True))
    return shown


def _context(request, *, download: bool = False) -> dict:
    """What the page shows; for a download (the PDF) every number has passed the rule for small ones,
    and every total the rule for totals beside their parts."""
    show = impact_export.for_export if download else impact_export.exact
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
    chart_list = _charts(months=months, period=period, show=show)
    breakdowns = [
        {**table, "rows": [(label, [show(n) for n in values]) for label, values in table["rows"]]}
        for table in impact.breakdowns(period=period, now=now, organisation=organisation)
    ]
    parts = _parts(chart_list=chart_list, breakdowns=breakdowns, months=months, show=show)
    shown = _shown(figures=figures, parts=parts, show=show)
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
        "charts": {c.id.removeprefix("chart-"): c for _keys, _rows, c in chart_list},
        "months": months,
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

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


def _context(request, *, download: bool = False) -> dict:
    """What the page shows; for a download (the PDF) every number has passed the rule for small ones."""
    show = impact_export.for_export if download else impact_export.exact
    selection = impact.choose(data=request.GET, user=request.user)
    period, organisation = selection.period, selection.organisation
    now = timezone.now()
    months = impact.monthly_figures(period=period)
    district = impact.district_figures(period=period, now=now)
    own = (
        impact.organisation_figures(period=period, organisation=organisation, now=now) if organisation else {}
    )
    held = [
        (_month_label(row["month"]), show(row["values"]["activity_dates"] + row["values"]["walk_in_dates"]))
        for row in months
    ]
    chart_list = [
        charts.bar_chart(
            id="chart-held",
            title=_("Gehouden activiteiten en spreekuren per maand"),
            description=_("Aantal data per maand die doorgingen."),
            rows=held,
        ),
        charts.bar_chart(
            id="chart-matches",
            title=_("Afspraken in vraag en aanbod per maand"),
            description=_("Aantal aangenomen reacties per maand."),
            rows=[(_month_label(row["month"]), show(row["values"]["matches"])) for row in months],
        ),
        charts.bar_chart(
            id="chart-current",
            title=_("Deel actueel gehouden per maand"),
            description=_("Procent van de gehouden data met een bevestiging in de 8 weken ervoor."),
            rows=[
                (_month_label(row["month"]), show(row["values"]["current_share"], "share")) for row in months
            ],
            unit="%",
            maximum=100,
        ),
        charts.bar_chart(
            id="chart-visits",
            title=_("Bezochte pagina's per onderdeel"),
            description=_("Aantal getoonde pagina's in de periode, per onderdeel van de site."),
            rows=[(label, show(n)) for label, n in impact.visits_per_section(period=period)],
        ),
    ]
    themes = [
        {
            "key": key,
            "title": title,
            "figures": [
                {"figure": f, "value": show(district.get(f.key), f.kind), "own": show(own.get(f.key), f.kind)}
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
        "months": months,
        "figures": impact.FIGURES,
        "columns": impact.figure_columns(organisation=organisation),
        "breakdowns": [
            {**table, "rows": [(label, [show(n) for n in values]) for label, values in table["rows"]]}
            for table in impact.breakdowns(period=period, now=now, organisation=organisation)
        ],
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
    selection = impact.choose(data=request.GET, user=request.user)
    header, body = impact_export.table(selection=selection)
    return header, body, selection.period.slug


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

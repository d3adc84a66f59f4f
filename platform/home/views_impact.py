import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from . import impact


def _check(request) -> None:
    if not impact.can_see_impact(request.user):
        raise PermissionDenied


def impact_page(request):
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    _check(request)
    rows = impact.monthly_figures()
    return render(
        request,
        "home/impact.html",
        {
            "rows": rows,
            "figures": impact.FIGURES,
            "totals": impact.totals(rows),
            "today": timezone.localdate(),
        },
    )


def impact_csv(request):
    _check(request)
    rows = impact.monthly_figures()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="wijk-de-ruwaard-cijfers-{timezone.localdate()}.csv"'
    )
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["maand", *[str(f.label) for f in impact.FIGURES]])
    for row in rows:
        writer.writerow([row["month"].strftime("%Y-%m"), *[row["values"][f.key] for f in impact.FIGURES]])
    return response

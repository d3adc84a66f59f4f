from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from . import pwa, views_impact

app_name = "home"

urlpatterns = [
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("sw.js", pwa.service_worker, name="service_worker"),
    path("impact/", views_impact.impact_page, name="impact"),
    path("impact/cijfers.csv", views_impact.impact_csv, name="impact_csv"),
    path("impact/cijfers.xlsx", views_impact.impact_xlsx, name="impact_xlsx"),
    path("impact/rapport.pdf", views_impact.impact_pdf, name="impact_pdf"),
    path(
        "offline/",
        TemplateView.as_view(template_name="home/offline.html", extra_context={"title": _("Geen internet")}),
        name="offline",
    ),
]

"""Web app manifest and service worker, so residents can put the site on their home screen."""

from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, JsonResponse
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control


@cache_control(max_age=86400, public=True)
def manifest(request):
    return JsonResponse(
        {
            "name": "Wij(k) de Ruwaard",
            "short_name": "Ruwaard",
            "description": _("Activiteiten, hulp en verhalen in de wijk Ruwaard in Oss."),
            "lang": "nl",
            "start_url": "/",
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#0b5d3b",
            "icons": [
                {"src": static("wijk/img/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
                {"src": static("wijk/img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("wijk/img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
                {
                    "src": static("wijk/img/icon-maskable-512.png"),
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable",
                },
            ],
        },
        content_type="application/manifest+json",
    )


@cache_control(max_age=0, no_cache=True)
def service_worker(request):
    path = finders.find("wijk/js/sw.js")
    if not path:
        raise Http404
    response = FileResponse(open(path, "rb"), content_type="text/javascript")  # noqa: SIM115
    response["Service-Worker-Allowed"] = "/"
    return response

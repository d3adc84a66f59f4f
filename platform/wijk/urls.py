from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path, reverse
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from home import views as home_views

from .sitemaps import SITEMAPS


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /mijn/",
        "Disallow: /account/",
        "Disallow: /berichten/",
        "Disallow: /moderatie/",
        "Disallow: /agenda/insluiten/",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("health/", include("ops.urls")),
    # One login for everyone: allauth's, with its rate limits and second factor.
    path("django-admin/login/", account_views.admin_login, name="django_admin_login"),
    path("admin/login/", account_views.admin_login, name="admin_login"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    # allauth's e-mail page with a word when a resent confirmation is held back (see accounts.views.EmailView).
    path("account/email/", account_views.EmailView.as_view(), name="account_email"),
    path("account/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("mijn/meldingen/", include("notifications.urls")),
    path("mijn/", include("accounts.urls")),
    path("privacy/", account_views.privacy, name="privacy"),
    path("toegankelijkheid/", home_views.accessibility, name="accessibility"),
    path("organisaties/", include("organisations.urls")),
    path("buurtpreventie/", include("notices.urls")),
    path("moderatie/", include("moderation.urls")),
    path("", include("activities.urls")),
    path("", include("marketplace.urls")),
    path("", include("stories.urls")),
    path("zoeken/", include("search.urls")),
    path("", include("home.urls")),
]

if settings.SERVE_MEDIA:
    from django.urls import re_path

    # Only renditions (`images/`): originals (`original_images/`) keep the upload as sent and are never
    # public; documents are served by Wagtail's own view, which checks their privacy.
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>images/[^/]+)$", home_views.media_rendition),
    ]

if settings.DEBUG:
    urlpatterns += [
        path("403/", home_views.permission_denied_preview),
        path("404/", home_views.page_not_found_preview),
        path("500/", home_views.server_error_preview),
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "home.views.bad_request"
handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from home import views as home_views

urlpatterns = [
    path("health/", include("ops.urls")),
    # One login for everyone: allauth's, with its rate limits and second factor.
    path("django-admin/login/", account_views.admin_login, name="django_admin_login"),
    path("admin/login/", account_views.admin_login, name="admin_login"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("account/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("mijn/meldingen/", include("notifications.urls")),
    path("mijn/", include("accounts.urls")),
    path("privacy/", account_views.privacy, name="privacy"),
    path("organisaties/", include("organisations.urls")),
    path("buurtpreventie/", include("notices.urls")),
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
        path("404/", home_views.page_not_found_preview),
        path("500/", home_views.server_error_preview),
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

"""/mijn/meldingen/: the personal notifications of the logged-in user."""

from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("gelezen/", views.read_all, name="read_all"),
    path("<int:notification_id>/", views.open_notification, name="open"),
]

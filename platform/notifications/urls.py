"""/mijn/meldingen/: the personal notifications of the logged-in user, their settings and devices."""

from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("gelezen/", views.read_all, name="read_all"),
    path("<id:notification_id>/", views.open_notification, name="open"),
    path("instellingen/", views.save_preferences, name="preferences"),
    path("apparaten/", views.add_device, name="add_device"),
    path("apparaten/<id:subscription_id>/verwijderen/", views.remove_device, name="remove_device"),
    path("uit/<str:token>/", views.unsubscribe, name="unsubscribe"),
]

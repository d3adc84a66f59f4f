from django.urls import path

from . import views

app_name = "activities"

urlpatterns = [
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/feed.ics", views.agenda_feed, name="feed"),
    path("agenda/afdrukken/", views.agenda_print, name="print"),
    path("agenda/nieuw/", views.create, name="create"),
    path("agenda/gaat-door/<str:token>/", views.confirm, name="confirm"),
    path("agenda/<slug:slug>/", views.detail, name="detail"),
    path("agenda/<slug:slug>/ical/", views.detail_ical, name="ical"),
    path("agenda/<slug:slug>/afdrukken/", views.detail_print, name="detail_print"),
    path("agenda/<slug:slug>/wijzigen/", views.edit, name="edit"),
    path("agenda/<slug:slug>/afgelasten/", views.cancel, name="cancel"),
    path("agenda/<slug:slug>/reeks-stoppen/", views.end_series, name="end_series"),
    path("agenda/<slug:slug>/goedkeuren/", views.approve, name="approve"),
    path("agenda/<slug:slug>/datum/<int:pk>/", views.occurrence, name="occurrence"),
    path("inloopspreekuren/", views.walk_in_hours, name="walk_in_hours"),
]

from django.urls import path

from . import attendance_views, import_views, public_views, views

app_name = "activities"

urlpatterns = [
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/feed.ics", views.agenda_feed, name="feed"),
    path("agenda/afdrukken/", views.agenda_print, name="print"),
    path("agenda/nieuw/", views.create, name="create"),
    path("agenda/insluiten/", public_views.embed, name="embed"),
    path("agenda/insluiten.js", public_views.embed_script, name="embed_script"),
    path("agenda/importeren/", import_views.feeds_view, name="import_feeds"),
    path("agenda/importeren/<id:pk>/", import_views.feed_detail, name="import_feed"),
    path("agenda/kaart/", public_views.agenda_map, name="map"),
    path("agenda/plekken/", public_views.locations, name="locations"),
    path("agenda/plekken/<slug:slug>/", public_views.location_edit, name="location_edit"),
    path("agenda/afmelden/<str:token>/", attendance_views.guest_cancel, name="guest_cancel"),
    path("agenda/aanmelding/<id:pk>/afmelden/", attendance_views.unattend, name="unattend"),
    path("mijn/agenda/", attendance_views.mine, name="mine"),
    path("mijn/activiteiten/", views.managed, name="managed"),
    path("mijn/agenda/nieuw-adres/", attendance_views.renew_feed, name="renew_feed"),
    path("mijn/agenda/feed/<str:token>.ics", attendance_views.personal_feed, name="personal_feed"),
    path("agenda/gaat-door/<str:token>/", views.confirm, name="confirm"),
    path("agenda/<slug:slug>/", views.detail, name="detail"),
    path("agenda/<slug:slug>/ical/", views.detail_ical, name="ical"),
    path("agenda/<slug:slug>/afdrukken/", views.detail_print, name="detail_print"),
    path("agenda/<slug:slug>/wijzigen/", views.edit, name="edit"),
    path("agenda/<slug:slug>/afgelasten/", views.cancel, name="cancel"),
    path("agenda/<slug:slug>/reeks-stoppen/", views.end_series, name="end_series"),
    path("agenda/<slug:slug>/goedkeuren/", views.approve, name="approve"),
    path("agenda/<slug:slug>/datum/<id:pk>/", views.occurrence, name="occurrence"),
    path("agenda/<slug:slug>/datum/<id:pk>/ik-kom/", attendance_views.attend, name="attend"),
    path("agenda/<slug:slug>/datum/<id:pk>/wie-komt/", attendance_views.attendee_list, name="attendees"),
    path(
        "agenda/<slug:slug>/datum/<id:pk>/wie-komt.csv", attendance_views.attendee_csv, name="attendees_csv"
    ),
    path("inloopspreekuren/", views.walk_in_hours, name="walk_in_hours"),
    path("inloopspreekuren/kaart/", public_views.walk_in_map, name="walk_in_map"),
]

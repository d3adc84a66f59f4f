from django.urls import path

from . import views

app_name = "notices"

urlpatterns = [
    path("", views.group_list, name="groups"),
    path("live/", views.live, name="live"),
    path("<slug:slug>/", views.group_feed, name="feed"),
    path("<slug:slug>/live/", views.group_live, name="group_live"),
    path("<slug:slug>/aanmelden/", views.join, name="join"),
    path("<slug:slug>/leden/", views.members, name="members"),
    path("<slug:slug>/leden/<id:membership_id>/", views.decide_membership, name="decide"),
    path("<slug:slug>/melding/<id:notice_id>/gezien/", views.acknowledge, name="acknowledge"),
    path("<slug:slug>/melding/<id:notice_id>/status/", views.set_status, name="status"),
]

from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("melden/<slug:kind>/<id:pk>/", views.report, name="report"),
    path("account/<id:pk>/", views.account, name="account"),
    path("<slug:kind>/<id:pk>/", views.item, name="item"),
    path("<slug:kind>/<id:pk>/besluit/", views.decide, name="decide"),
]

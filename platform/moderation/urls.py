from django.urls import path

from . import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("melden/<slug:kind>/<int:pk>/", views.report, name="report"),
    path("account/<int:pk>/", views.account, name="account"),
    path("<slug:kind>/<int:pk>/", views.item, name="item"),
    path("<slug:kind>/<int:pk>/besluit/", views.decide, name="decide"),
]

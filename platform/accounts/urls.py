from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("naam/", views.profile, name="profile"),
    path("gegevens/", views.export, name="export"),
    path("verwijderen/", views.delete, name="delete"),
]

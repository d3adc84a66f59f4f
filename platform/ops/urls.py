from django.urls import path

from . import views

urlpatterns = [
    path("", views.live, name="health_live"),
    path("ready/", views.ready, name="health_ready"),
]

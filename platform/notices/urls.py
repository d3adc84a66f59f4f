from django.urls import path

app_name = "notices"

urlpatterns: list = []

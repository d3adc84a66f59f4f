from django.urls import path

from accounts import views as account_views

app_name = "home"

urlpatterns = [
    path("privacy/", account_views.privacy, name="privacy"),
]

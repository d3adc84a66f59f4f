from django.urls import path

from . import views
from .feeds import LatestStoriesFeed

app_name = "stories"

urlpatterns = [
    path("verhalen/feed/", LatestStoriesFeed(), name="feed"),
    path("verhalen/insturen/", views.submit_story, name="submit"),
]

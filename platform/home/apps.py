from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from stories.models import StoryIndexPage

        from .navigation import forget_story_index_url

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(forget_story_index_url, dispatch_uid=f"home-story-index-{signal!r}")
        post_delete.connect(
            forget_story_index_url, sender=StoryIndexPage, dispatch_uid="home-story-index-del"
        )

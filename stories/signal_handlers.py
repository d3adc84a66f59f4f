from wagtail.signals import page_published

from .models import StoryPage
from .services import notify_author_of_publication


def story_published(sender, instance, **kwargs) -> None:
    notify_author_of_publication(story=instance)


def register_signal_handlers() -> None:
    page_published.connect(story_published, sender=StoryPage, dispatch_uid="stories_notify_author")

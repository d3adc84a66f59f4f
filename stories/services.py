"""Writes of the stories app: a resident sends a story in; the author hears when it is published."""

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from notifications.services import notify

from .models import StoryIndexPage, StoryPage


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def _body_from_text(text: str) -> list[tuple[str, RichText]]:
    """Plain text of a resident as paragraphs; every character escaped, so nothing becomes HTML."""
    return [
        ("paragraph", RichText("<p>" + escape(part).replace("\n", "<br>") + "</p>"))
        for part in _paragraphs(text)
    ]


def _unique_slug(*, index: StoryIndexPage, title: str) -> str:
    base = slugify(title)[:70] or "verhaal"
    existing = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in existing:
        slug, n = f"{base}-{n}", n + 1
    return slug


def submit_story(
    *,
    author,
    index: StoryIndexPage,
    title: str,
    text: str,
    photo=None,
    photo_alt: str = "",
    publication_consent: bool,
    photo_consent: bool = False,
) -> StoryPage:
    """Store a resident's story as a draft StoryPage and hand it to the editors' moderation workflow."""
    if not publication_consent:
        raise ValueError("A story is only taken in with consent for publication.")
    if photo is not None and not photo_consent:
        raise ValueError("A photo is only taken in with consent of the people in it.")
    now = timezone.now()
    with transaction.atomic():
        image = None
        if photo is not None:
            image = get_image_model().objects.create(
                title=Truncator(title).chars(200),
                file=photo,
                uploaded_by_user=author,
                description=photo_alt[:255],
            )
        story = StoryPage(
            title=title,
            slug=_unique_slug(index=index, title=title),
            intro=Truncator(_paragraphs(text)[0] if text.strip() else title).chars(300),
            body=_body_from_text(text),
            hero_image=image,
            hero_alt=photo_alt if image else "",
            author_name=author.public_name,
            submitted_by=author,
            publication_consent_at=now,
            photo_consent_at=now if image else None,
            live=False,
            owner=author,
        )
        index.add_child(instance=story)
        story.save_revision(user=author, log_action=True)
        workflow = story.get_workflow()
        if workflow is not None:
            workflow.start(story, author)
    return story


def notify_author_of_publication(*, story: StoryPage) -> bool:
    """Tell the resident who sent the story that it is online, only once. Returns whether they were told."""
    if story.submitted_by_id is None:
        return False
    with transaction.atomic():
        claimed = StoryPage.objects.filter(pk=story.pk, author_notified_at__isnull=True).update(
            author_notified_at=timezone.now()
        )
        if not claimed:
            return False
        notify(
            user=story.submitted_by,
            text=_("Uw verhaal “%(title)s” staat op de website. Dank u wel!") % {"title": story.title},
            url=story.url or "",
            kind="story_published",
        )
    return True

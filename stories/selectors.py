"""Reads of the stories app."""

from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import TaskState, WorkflowState

from .models import Edition, StoryPage, Theme


def public_stories() -> QuerySet[StoryPage]:
    """Every story an anonymous visitor may read: live, without a view restriction, not of a suspended account."""
    return (
        StoryPage.objects.live()
        .public()
        .filter(Q(submitted_by__isnull=True) | Q(submitted_by__suspended_at__isnull=True))
    )


def _with_cards(queryset: QuerySet[StoryPage]) -> QuerySet[StoryPage]:
    """What a story card shows: hero image with its renditions, edition and themes, in fixed queries."""
    images = get_image_model().objects.prefetch_renditions()
    return queryset.select_related("edition").prefetch_related(
        Prefetch("hero_image", queryset=images), "themes"
    )


def story_list(*, theme: Theme | None = None, edition: Edition | None = None) -> QuerySet[StoryPage]:
    """Published stories, newest first, optionally of one theme and one edition."""
    stories = public_stories()
    if theme is not None:
        stories = stories.filter(themes=theme)
    if edition is not None:
        stories = stories.filter(edition=edition)
    return _with_cards(stories.newest_first())


def newest_stories(*, limit: int = 3) -> list[StoryPage]:
    """The newest published stories, for the home page."""
    return list(_with_cards(public_stories().newest_first())[:limit])


def themes_in_use() -> QuerySet[Theme]:
    return Theme.objects.filter(stories__live=True).distinct().order_by("name")


def editions() -> QuerySet[Edition]:
    return Edition.objects.all()


def feed_stories(*, limit: int = 30) -> list[StoryPage]:
    return list(public_stories().newest_first().select_related("edition")[:limit])


def submissions_of(*, user) -> list[dict]:
    """The stories a resident sent in, newest first, each with its state in words the resident knows."""
    stories = list(StoryPage.objects.submitted_by(user).order_by("-pk").only("title", "live", "url_path"))
    if not stories:
        return []
    states = _workflow_statuses(stories)
    found = []
    for story in stories:
        state = _state_of(story, states.get(str(story.pk)))
        found.append({"story": story, "state": state, "state_name": state_name(state), "asked": ""})
    sent_back = [item for item in found if item["state"] == "needs_changes"]
    if sent_back:  # one query for all of them
        questions = _editors_questions([item["story"] for item in sent_back])
        for item in sent_back:
            item["asked"] = questions.get(str(item["story"].pk), "")
    return found


def editors_question(*, story: StoryPage) -> str:
    """What the editors asked when they sent the story back ("Wijzigingen vragen"): their comment."""
    return _editors_questions([story]).get(str(story.pk), "")


def _editors_questions(stories: list[StoryPage]) -> dict[str, str]:
    """The comment of each story's newest "Wijzigingen vragen", by page id as text."""
    questions = {}
    for object_id, comment in (
        TaskState.objects.filter(
            **_workflows_of(stories, via="workflow_state__"), status=TaskState.STATUS_REJECTED
        )
        .order_by("finished_at", "pk")
        .values_list("workflow_state__object_id", "comment")
    ):
        questions[object_id] = comment  # the newest comes last
    return questions


def submission_state(*, story: StoryPage) -> str:
    """The state of one story, in the words of `submissions_of`: published, in_review, needs_changes, …"""
    return _state_of(story, _workflow_statuses([story]).get(str(story.pk)))


def _workflows_of(stories: list[StoryPage], via: str = "") -> dict:
    """The lookup of the moderation workflows of these stories (Wagtail keys them by page id as text)."""
    return {
        f"{via}base_content_type__app_label": "wagtailcore",
        f"{via}base_content_type__model": "page",
        f"{via}object_id__in": [str(story.pk) for story in stories],
    }


def _workflow_statuses(stories: list[StoryPage]) -> dict[str, str]:
    """The status of the newest moderation workflow of each story, by page id as text."""
    states = {}
    for state in WorkflowState.objects.filter(**_workflows_of(stories)).order_by("created_at"):
        states[state.object_id] = state.status
    return states


#: A sent-in story's state as its writer reads it (on /mijn/ and in the privacy export).
STATE_NAMES = {
    "published": _("Staat online"),
    "in_review": _("De redactie leest uw verhaal"),
    "needs_changes": _("De redactie heeft een vraag"),
    "not_published": _("Niet geplaatst"),
    "received": _("Ontvangen"),
}


def state_name(state: str) -> str:
    return str(STATE_NAMES[state])


def _state_of(story: StoryPage, workflow_status: str | None) -> str:
    if story.live:
        return "published"
    if workflow_status == WorkflowState.STATUS_IN_PROGRESS:
        return "in_review"
    if workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return "needs_changes"
    if workflow_status == WorkflowState.STATUS_CANCELLED:
        return "not_published"
    return "received"


def impact_counts(*, start: datetime, end: datetime, now: datetime | None = None) -> dict[str, int]:
    """Figures for the impact page: stories first published in [start, end)."""
    return {
        "stories": public_stories().filter(first_published_at__gte=start, first_published_at__lt=end).count()
    }

"""What the moderation queue does with stories (found through ``core.registry``).

A resident's submission waits in the editors' Wagtail workflow: the queue lists it with a link to it and
decides nothing there. A published story can be reported, hidden (unpublished) and shown again.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState, get_default_page_content_type

from core.moderated import ModeratedKind

from . import services
from .models import StoryPage


class StoryKind(ModeratedKind):
    name = "story"
    label = _("Verhaal")
    model = StoryPage
    actions = {"hide", "unhide"}
    select_related = ("submitted_by",)
    author_field = "submitted_by"

    def pending(self) -> list[StoryPage]:
        """Submissions never published whose review is still open (a rejected one has left the queue)."""
        stories = list(
            self.queryset().filter(live=False, first_published_at__isnull=True, submitted_by__isnull=False)
        )
        states = WorkflowState.objects.filter(
            base_content_type=get_default_page_content_type(), object_id__in=[str(s.pk) for s in stories]
        ).order_by("created_at", "pk")
        latest = {state.object_id: state.status for state in states}
        open_review = WorkflowState.STATUS_IN_PROGRESS
        return [s for s in stories if latest.get(str(s.pk), open_review) == open_review]

    def waits(self, obj: StoryPage) -> bool:
        return not obj.live and obj.first_published_at is None and obj.submitted_by_id is not None

    def may_report(self, *, user, obj: StoryPage) -> bool:
        return obj.live and obj.submitted_by_id != user.pk

    def state(self, obj: StoryPage) -> str:
        if obj.live:
            return "visible"
        return "review" if obj.first_published_at is None else "hidden"

    def text(self, obj: StoryPage) -> str:
        return obj.intro

    def url(self, obj: StoryPage) -> str:
        return obj.url or "" if obj.live else ""

    def review_url(self, obj: StoryPage) -> str:
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])

    def hide(self, *, obj: StoryPage, by, reason: str) -> None:
        services.unpublish_story(story=obj, by=by)
        obj.refresh_from_db()

    def unhide(self, *, obj: StoryPage, by, reason: str = "") -> None:
        services.republish_story(story=obj, by=by)
        obj.refresh_from_db()


KINDS = [StoryKind()]

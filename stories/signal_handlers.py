from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier, WorkflowStateRejectionEmailNotifier
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from .models import StoryPage
from .selectors import editors_question
from .services import notify_author_of_publication, tell_author_of_requested_changes


def story_published(sender, instance, **kwargs) -> None:
    notify_author_of_publication(story=instance)


def story_sent_back(sender, instance: WorkflowState, **kwargs) -> None:
    """A workflow ended in "Wijzigingen vragen": when it is a sent-in story, its writer hears the question."""
    page = instance.content_object
    story = getattr(page, "specific", page)
    if isinstance(story, StoryPage):
        tell_author_of_requested_changes(story=story, question=editors_question(story=story))


class StaffOnly:
    """Wagtail's workflow mails speak of tasks and link to /admin/: only for people who work in the admin.

    A resident who sent a story is told by our own notification (kind STORY_PUBLISHED) instead.
    """

    def get_recipient_users(self, instance, **kwargs):
        return {
            u
            for u in super().get_recipient_users(instance, **kwargs)
            if u.has_perm("wagtailadmin.access_admin")
        }


class ApprovalToStaff(StaffOnly, WorkflowStateApprovalEmailNotifier):
    pass


class RejectionToStaff(StaffOnly, WorkflowStateRejectionEmailNotifier):
    pass


# Wagtail's own dispatch_uids: whichever app is ready first, only these notifiers stay connected.
WORKFLOW_MAILS = [
    (workflow_approved, ApprovalToStaff(), "workflow_state_approved_email_notification"),
    (workflow_rejected, RejectionToStaff(), "workflow_state_rejected_email_notification"),
]


def register_signal_handlers() -> None:
    page_published.connect(story_published, sender=StoryPage, dispatch_uid="stories_notify_author")
    workflow_rejected.connect(story_sent_back, sender=WorkflowState, dispatch_uid="stories_tell_author")
    for signal, notifier, uid in WORKFLOW_MAILS:
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(notifier, sender=WorkflowState, dispatch_uid=uid)

"""The periodic jobs as tasks. Each calls its app's service, which is safe to run again."""

from activities import attendance as activity_attendance
from activities import services as activity_services
from activities.tasks import import_ical_feeds as import_ical_feeds_of_activities
from marketplace import services as marketplace_services
from notifications import services as notification_services
from search.indexing import rebuild_index
from stories import services as story_services

from .jobs import periodic_job


@periodic_job
def occurrence_window() -> int:
    return activity_services.fill_occurrence_window()


@periodic_job
def freshness() -> dict:
    return activity_services.check_freshness()


@periodic_job
def ical_imports() -> dict:
    return import_ical_feeds_of_activities.call()


@periodic_job
def attendance_reminders() -> dict:
    sent = activity_attendance.send_attendance_reminders()
    return {**sent, "guest_contacts_erased": activity_attendance.forget_guest_contacts()}


@periodic_job
def listing_reminders() -> int:
    return marketplace_services.send_expiry_reminders()


@periodic_job
def listing_expiry() -> dict:
    return {
        "expired": marketplace_services.expire_listings(),
        "reshown": marketplace_services.reshow_unanswered_asks(),
    }


@periodic_job
def follow_ups() -> int:
    return marketplace_services.send_follow_ups()


@periodic_job
def digests() -> dict:
    """The volunteers' daily list of fitting vragen, and the daily (and on Mondays weekly) notification digests."""
    return {"matches": marketplace_services.send_digests(), **notification_services.send_digests()}


@periodic_job
def kept_story_photos() -> int:
    """Photos kept for a story form that came back with errors, once their day is over."""
    return story_services.remove_old_kept_photos()


@periodic_job
def index_consistency() -> dict:
    return rebuild_index()


@periodic_job
def worker_heartbeat() -> int:
    """Recorded as jobs.WORKER_HEARTBEAT, which the readiness check reads."""
    return 1

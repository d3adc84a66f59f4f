"""The periodic jobs as tasks. Each calls its app's service, which is safe to run again."""

from django_tasks import task

from activities import attendance as activity_attendance
from activities import services as activity_services
from activities.tasks import import_ical_feeds as import_ical_feeds_of_activities
from marketplace import services as marketplace_services
from notifications import services as notification_services
from search.indexing import rebuild_index

from .jobs import WORKER_HEARTBEAT, recorded


@task()
@recorded("occurrence_window")
def occurrence_window() -> int:
    return activity_services.fill_occurrence_window()


@task()
@recorded("freshness")
def freshness() -> dict:
    return activity_services.check_freshness()


@task()
@recorded("ical_imports")
def ical_imports() -> dict:
    return import_ical_feeds_of_activities.call()


@task()
@recorded("attendance_reminders")
def attendance_reminders() -> dict:
    sent = activity_attendance.send_attendance_reminders()
    return {**sent, "guest_contacts_erased": activity_attendance.forget_guest_contacts()}


@task()
@recorded("listing_reminders")
def listing_reminders() -> int:
    return marketplace_services.send_expiry_reminders()


@task()
@recorded("listing_expiry")
def listing_expiry() -> dict:
    return {
        "expired": marketplace_services.expire_listings(),
        "reshown": marketplace_services.reshow_unanswered_asks(),
    }


@task()
@recorded("follow_ups")
def follow_ups() -> int:
    return marketplace_services.send_follow_ups()


@task()
@recorded("digests")
def digests() -> dict:
    """The volunteers' daily list of fitting vragen, and the daily (and on Mondays weekly) notification digests."""
    return {"matches": marketplace_services.send_digests(), **notification_services.send_digests()}


@task()
@recorded("index_consistency")
def index_consistency() -> dict:
    return rebuild_index()


@task()
@recorded(WORKER_HEARTBEAT)
def worker_heartbeat() -> int:
    return 1

"""When each periodic job runs (cron fields, Europe/Amsterdam). The scheduler enqueues; the worker runs."""

from dataclasses import dataclass

from . import tasks


@dataclass(frozen=True)
class Entry:
    name: str
    task: object
    cron: dict


SCHEDULE = [
    Entry("occurrence_window", tasks.occurrence_window, {"minute": "5"}),
    Entry("freshness", tasks.freshness, {"hour": "9", "minute": "15"}),
    Entry("ical_imports", tasks.ical_imports, {"minute": "20"}),
    Entry("attendance_reminders", tasks.attendance_reminders, {"hour": "17", "minute": "0"}),
    Entry("listing_reminders", tasks.listing_reminders, {"hour": "8", "minute": "0"}),
    Entry("listing_expiry", tasks.listing_expiry, {"hour": "3", "minute": "30"}),
    Entry("follow_ups", tasks.follow_ups, {"hour": "10", "minute": "0"}),
    Entry("digests", tasks.digests, {"hour": "7", "minute": "0"}),
    Entry("index_consistency", tasks.index_consistency, {"hour": "4", "minute": "0"}),
    Entry("kept_story_photos", tasks.kept_story_photos, {"minute": "50"}),
    Entry("worker_heartbeat", tasks.worker_heartbeat, {"minute": "*"}),
]

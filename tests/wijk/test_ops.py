"""Periodic jobs on their schedule, run by the database worker; health endpoints."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from ops import health
from ops.models import JobRun
from ops.schedule import SCHEDULE
from ops.scheduler import enqueue, trigger_for

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_every_periodic_job_has_its_own_schedule():
    names = {entry.name for entry in SCHEDULE}
    assert names >= {
        "occurrence_window",
        "freshness",
        "ical_imports",
        "listing_reminders",
        "listing_expiry",
        "follow_ups",
        "digests",
        "index_consistency",
        "kept_story_photos",
        "worker_heartbeat",
    }


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_moved_clock_enqueues_each_job_on_schedule_and_the_worker_runs_it():
    from django.utils import timezone

    from marketplace.models import Status
    from tests.marketplace.factories import ListingFactory

    overdue = ListingFactory(title="Wie leent mij een ladder?", expires_at=timezone.now() - timedelta(days=1))
    queued_before = DBTaskResult.objects.count()  # the listing's index update
    start = datetime(2026, 3, 2, 0, 1, tzinfo=AMSTERDAM)
    for entry in SCHEDULE:
        fire = trigger_for(entry).get_next_fire_time(None, start)
        assert start <= fire <= start + timedelta(days=1), entry.name
        with time_machine.travel(fire, tick=False):
            enqueue(entry)
        run = JobRun.objects.get(name=entry.name)
        assert run.last_enqueued_at == fire
        assert run.last_finished_at is None  # queued, not run in the scheduler's process
    assert DBTaskResult.objects.ready().count() == queued_before + len(SCHEDULE)

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")

    assert DBTaskResult.objects.successful().count() == queued_before + len(SCHEDULE)
    for entry in SCHEDULE:
        run = JobRun.objects.get(name=entry.name)
        assert run.last_succeeded, entry.name
        assert run.runs == 1
    assert JobRun.objects.get(name="scheduler").last_enqueued_at is not None
    overdue.refresh_from_db()
    assert overdue.status == Status.EXPIRED  # the jobs did their work, not just ran
    assert JobRun.objects.get(name="listing_expiry").last_result == {"expired": 1, "reshown": 0}

    # Run again: idempotent, nothing new to do, one more run recorded.
    for entry in SCHEDULE:
        enqueue(entry)
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    assert JobRun.objects.get(name="listing_expiry").last_result == {"expired": 0, "reshown": 0}
    assert JobRun.objects.get(name="digests").runs == 2


def test_the_scheduler_registers_every_job_on_its_own_trigger():
    from apscheduler.schedulers.background import BackgroundScheduler

    from ops.scheduler import add_jobs, fire

    scheduler = BackgroundScheduler(timezone="Europe/Amsterdam")
    add_jobs(scheduler)
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert set(jobs) == {entry.name for entry in SCHEDULE}
    start = datetime(2026, 3, 2, 0, 1, tzinfo=AMSTERDAM)
    for entry in SCHEDULE:
        job = jobs[entry.name]
        assert job.func is fire and job.args == (entry,)
        assert job.trigger.get_next_fire_time(None, start) == trigger_for(entry).get_next_fire_time(
            None, start
        )
    daily = {entry.name for entry in SCHEDULE if "hour" in entry.cron}
    assert daily == {
        "freshness",
        "attendance_reminders",
        "listing_reminders",
        "listing_expiry",
        "follow_ups",
        "digests",
        "index_consistency",
    }


@pytest.mark.django_db
def test_a_weekly_activity_is_still_on_the_agenda_200_days_later(client):
    from activities.models import Occurrence
    from ops.tasks import occurrence_window
    from tests.activities.factories import ActivityFactory

    with time_machine.travel(datetime(2026, 1, 5, 9, 0, tzinfo=AMSTERDAM), tick=False):
        activity = ActivityFactory(title="Wekelijkse koffieochtend", rrule="FREQ=WEEKLY")
        occurrence_window.enqueue()
    later = datetime(2026, 7, 24, 9, 0, tzinfo=AMSTERDAM)  # 200 days on
    with time_machine.travel(later, tick=False):
        assert not Occurrence.objects.filter(activity=activity, start__gte=later).exists()
        occurrence_window.enqueue()
        assert Occurrence.objects.filter(activity=activity, start__gte=later).exists()
        response = client.get(reverse("activities:agenda"))
    assert response.status_code == 200
    assert "Wekelijkse koffieochtend" in response.content.decode()


def test_liveness_is_cheap(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readiness_is_degraded_without_worker_and_down_without_database(client, monkeypatch):
    response = client.get("/health/ready/")
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["checks"]["database"]["ok"] and body["checks"]["cache"]["ok"]
    assert body["checks"]["worker"] == {"ok": False, "detail": "never", "required": False}

    enqueue(next(entry for entry in SCHEDULE if entry.name == "worker_heartbeat"))
    body = client.get("/health/ready/").json()
    assert body["checks"]["worker"]["ok"] and body["checks"]["scheduler"]["ok"]
    assert body["status"] == "ok"

    def broken():
        raise OSError("database gone")

    monkeypatch.setitem(health.REQUIRED, "database", broken)
    response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.json()["status"] == "down"

"""Background work of notifications: mail and push, run by the worker after the writing commit."""

from django_tasks import task

from . import services


@task()
def deliver_notifications(*, notification_ids: list[int]) -> dict:
    return services.deliver(notification_ids=notification_ids)


@task()
def push_held_notifications(*, notification_ids: list[int]) -> dict:
    """Quiet hours held these pushes back; the worker runs this once they end."""
    return services.push_held(notification_ids=notification_ids)

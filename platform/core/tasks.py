"""Mail as background work: services hand a message to the worker after their transaction commits."""

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django_tasks import task


@task()
def send_mail_task(
    *, subject: str, body: str, to: list[str], html: str = "", headers: dict | None = None
) -> int:
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, headers=headers or {})
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


def enqueue_on_commit(task_obj, /, **kwargs) -> None:
    """Enqueue ``task_obj`` with ``kwargs`` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: task_obj.enqueue(**kwargs))


def send_mail_on_commit(*, subject: str, body: str, to: list[str], html: str = "", headers=None) -> None:
    enqueue_on_commit(
        send_mail_task, subject=str(subject), body=body, to=list(to), html=html, headers=headers
    )

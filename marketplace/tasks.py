"""Background work of the marketplace through django-tasks."""

from django_tasks import task

from . import services


@task()
def run_daily_task() -> dict[str, int]:
    return services.run_daily()

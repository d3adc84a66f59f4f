"""Background work through django-tasks. Run immediately unless a queue backend is configured."""

from .env import env_str

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

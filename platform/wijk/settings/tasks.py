"""Background work through django-tasks: stored in the database (django-tasks-db), run by `db_worker`.

TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend runs each task in the process that
enqueues it (the tests do so).
"""

from .env import env_str

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

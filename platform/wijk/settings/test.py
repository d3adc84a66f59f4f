"""Tests: fast hasher, local memory e-mail, plain static storage."""

from .base import *  # noqa: F403
from .env import env_str

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
ACCOUNT_RATE_LIMITS = False
# Generous enough that no test meets them; tests/moderation/test_accounts.py lowers them on purpose.
POST_RATE_LIMITS = dict.fromkeys(POST_RATE_LIMITS, "10000/m")  # noqa: F405
COUNT_VISITS = False  # the visit counter adds a query per page; its own tests switch it on
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if not env_str("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Parallel test workers (pytest-xdist) share one Redis: keep their groups and cache keys apart.
_worker = env_str("PYTEST_XDIST_WORKER")
if _worker:
    if "CONFIG" in CHANNEL_LAYERS["default"]:  # noqa: F405
        CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] += f"-{_worker}"  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"test-{_worker}"

# Post limits count in this process's memory, emptied before every test (tests/conftest.py), so one test's
# posts never count in the next, and a second run within the hour starts at zero also with Redis.
CACHES["ratelimit"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"}
# Wagtail keeps renditions in a cache of this name when there is one. The tests' files live in memory, so a
# rendition remembered in the shared Redis from an earlier run (same ids: the test database starts anew)
# would point at a file this run does not have.
CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"}
RATELIMIT_USE_CACHE = "ratelimit"

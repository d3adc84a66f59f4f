"""Django's Redis cache that never takes a page down: while Redis is unreachable, reads miss and writes
are dropped, each failure logged (at most once a minute). `add` answers "added": allauth takes a lock with
it before counting a login, and a lock that cannot be kept must not lock everyone out."""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("ops.cache")

_MISS_DEFAULTS = {
    "get": lambda args, kwargs: kwargs.get("default", args[1] if len(args) > 1 else None),
    "get_many": lambda args, kwargs: {},
    "add": lambda args, kwargs: True,
    "has_key": lambda args, kwargs: False,
    "delete": lambda args, kwargs: False,
    "touch": lambda args, kwargs: False,
}


class ForgivingRedisCache(RedisCache):
    _last_warning = 0.0

    def _warn(self, method: str, error: Exception) -> None:
        now = time.monotonic()
        if now - ForgivingRedisCache._last_warning > 60:
            ForgivingRedisCache._last_warning = now
            logger.warning("cache %s failed, carrying on without the cache: %s", method, error)


def _forgiving(name: str):
    original = getattr(RedisCache, name)

    @functools.wraps(original)
    def method(self, *args, **kwargs):
        try:
            return original(self, *args, **kwargs)
        except (RedisError, OSError) as error:
            self._warn(name, error)
            fallback = _MISS_DEFAULTS.get(name)
            return fallback(args, kwargs) if fallback else None

    return method


for _name in (
    "get", "get_many", "set", "set_many", "add", "delete", "delete_many", "has_key", "touch",
    "incr", "clear",
):  # fmt: skip
    setattr(ForgivingRedisCache, _name, _forgiving(_name))

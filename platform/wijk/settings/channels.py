"""Channel layer: in memory for one process, Redis when REDIS_URL is set."""

from .env import env_str

REDIS_SOCKET_TIMEOUT = 30  # seconds; well above channels-redis' 5 s blocking receive

if env_str("REDIS_URL"):
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # redis-py 8 reads with a 5 s socket timeout by default, the same as channels-redis'
                # blocking BZPOPMIN: idle consumers then crash every few seconds (django/channels_redis#422).
                # redis-py 8 also caps an asyncio pool at 100 connections and fails (not waits) beyond
                # that: hundreds of members joining their groups at once need more.
                "hosts": [
                    {
                        "address": env_str("REDIS_URL"),
                        "socket_timeout": REDIS_SOCKET_TIMEOUT,
                        "max_connections": int(env_str("REDIS_MAX_CONNECTIONS", "1000")),
                    }
                ],
                "prefix": env_str("CHANNELS_PREFIX", "wijk"),
            },
        }
    }
else:
    # Channels' in-memory layer with a linear fan-out (see notices/layers.py).
    CHANNEL_LAYERS = {"default": {"BACKEND": "notices.layers.InMemoryChannelLayer"}}

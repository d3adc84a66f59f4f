"""Channel layer: in memory for one process, Redis when REDIS_URL is set."""

from .env import env_str

if env_str("REDIS_URL"):
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [env_str("REDIS_URL")], "prefix": env_str("CHANNELS_PREFIX", "wijk")},
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

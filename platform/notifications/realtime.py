"""The per-user live group: every open connection of a user listens to it.

The WebSocket consumer (in ``notices``) joins :func:`user_group`; a stored notification reaches the
user's open pages through :func:`send_to_user` once the writing transaction commits.
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def send_to_user(*, user_id: int, event: dict) -> None:
    """Send a channel-layer event to every open connection of a user. Call only after commit."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(user_group(user_id), event)
    except (OSError, RedisError) as error:
        # What was sent is stored; open pages catch up by their last id (or by polling) once it is back.
        logger.warning("live delivery to user %s skipped, channel layer unreachable: %s", user_id, error)


def send_notification(*, user_id: int, message: dict) -> None:
    send_to_user(user_id=user_id, event={"type": "live.message", "message": message})

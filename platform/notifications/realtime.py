"""The per-user live group: every open connection of a user listens to it.

The WebSocket consumer (in ``notices``) joins :func:`user_group`; a stored notification reaches the
user's open pages through :func:`send_to_user` once the writing transaction commits.
"""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def send_to_user(*, user_id: int, event: dict) -> None:
    """Send a channel-layer event to every open connection of a user. Call only after commit."""
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(user_group(user_id), event)


def send_notification(*, user_id: int, message: dict) -> None:
    send_to_user(user_id=user_id, event={"type": "live.message", "message": message})

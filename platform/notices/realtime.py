"""Sending committed events over the channel layer, and who is connected right now (presence).

A user's own connections are reached through the per-user group of :mod:`notifications.realtime`.
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from redis.exceptions import RedisError

from notifications.realtime import send_to_user

logger = logging.getLogger("notices")

# A connection refreshes its presence key well within this time; a crashed process is forgotten after it.
PRESENCE_TTL = 90
PRESENCE_REFRESH = 30


def prevention_group(group_id: int) -> str:
    return f"prevention.{group_id}"


def send_to_prevention_group(*, group_id: int, message: dict) -> None:
    # group_id lets a connection drop what was already queued for a group it has just left.
    _send(prevention_group(group_id), {"type": "live.message", "message": message, "group_id": group_id})


def join_prevention_group(*, user_id: int, group_id: int) -> None:
    """Open connections of a freshly approved member start listening to the group."""
    send_to_user(user_id=user_id, event={"type": "live.join", "group": group_id})


def leave_prevention_group(*, user_id: int, group_id: int) -> None:
    """Open connections of someone who is no longer an approved member stop listening at once."""
    send_to_user(user_id=user_id, event={"type": "live.leave", "group": group_id})


def disconnect_user(*, user_id: int) -> None:
    """Close every open connection of a user (logged out, account removed)."""
    send_to_user(user_id=user_id, event={"type": "live.close"})


def _send(group: str, event: dict) -> None:
    """Send to a prevention group. Call only after commit."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, event)
    except (OSError, RedisError) as error:
        # The notice is stored; connections catch up by their last id once the layer is back.
        logger.warning("live delivery to %s skipped, channel layer unreachable: %s", group, error)


def _presence_key(user_id: int) -> str:
    return f"notices:presence:{user_id}"


def mark_connected(user_id: int) -> None:
    """One more open connection for the user. The key counts connections and expires by itself."""
    key = _presence_key(user_id)
    cache.add(key, 0, PRESENCE_TTL)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, PRESENCE_TTL)
    cache.touch(key, PRESENCE_TTL)


def refresh_connected(user_id: int) -> None:
    key = _presence_key(user_id)
    if not cache.touch(key, PRESENCE_TTL):
        cache.set(key, 1, PRESENCE_TTL)


def mark_disconnected(user_id: int) -> None:
    key = _presence_key(user_id)
    try:
        left = cache.decr(key)
    except ValueError:
        return
    if left <= 0:
        cache.delete(key)


def connected_user_ids(user_ids: list[int]) -> set[int]:
    """Which of these users have a live connection, in one cache round trip."""
    if not user_ids:
        return set()
    found = cache.get_many([_presence_key(uid) for uid in user_ids])
    return {uid for uid in user_ids if (found.get(_presence_key(uid)) or 0) > 0}

"""The one WebSocket consumer at /ws/notices/: live notices of the user's groups and notifications."""

import asyncio
import contextlib
import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from core.exceptions import ApplicationError
from notifications.realtime import user_group

from . import realtime, selectors, services


def _as_id(value) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: a float infinity
        return None
    return number if number >= 0 else None


# The longest message a client sends is a "resume" with two ids: far below this.
MAX_FRAME = 1024


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not allowed")


class NoticeConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=4401)
            return
        if user.suspended_at is not None:  # the site logs a suspended account out; live notices too
            await self.close(code=4403)
            return
        self.user_id = user.pk
        self.groups_joined = [user_group(self.user_id)]
        for group_id in await database_sync_to_async(selectors.group_ids_of)(user=user):
            self.groups_joined.append(realtime.prevention_group(group_id))
        for name in self.groups_joined:
            await self.channel_layer.group_add(name, self.channel_name)
        await self.accept()
        await database_sync_to_async(realtime.mark_connected)(self.user_id)
        self.heartbeat = asyncio.ensure_future(self._keep_presence())

    async def disconnect(self, code):
        if not hasattr(self, "user_id"):
            return
        self.heartbeat.cancel()
        for name in self.groups_joined:
            await self.channel_layer.group_discard(name, self.channel_name)
        await database_sync_to_async(realtime.mark_disconnected)(self.user_id)

    async def _keep_presence(self):
        with contextlib.suppress(asyncio.CancelledError):
            while True:
                await asyncio.sleep(realtime.PRESENCE_REFRESH)
                await database_sync_to_async(realtime.refresh_connected)(self.user_id)

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        """Binary frames and oversized frames are ignored: the protocol speaks small JSON texts only."""
        if text_data is None or len(text_data) > MAX_FRAME:
            return
        await super().receive(text_data=text_data, **kwargs)

    @classmethod
    async def decode_json(cls, text_data):
        """A message that is not JSON (or JSON with NaN, Infinity, or nested too deep) is ignored instead of
        closing the connection."""
        try:
            return json.loads(text_data, parse_constant=_refuse_constant)
        except (ValueError, RecursionError):
            return None

    async def receive_json(self, content, **kwargs):
        if not isinstance(content, dict):
            return
        kind = content.get("type")
        if kind == "resume":
            await self._resume(content)
        elif kind == "seen":
            notice_id = _as_id(content.get("notice"))
            if notice_id is not None:
                await database_sync_to_async(self._acknowledge)(notice_id)

    async def _resume(self, content):
        messages = await database_sync_to_async(selectors.catch_up)(
            user=self.scope["user"],
            last_notice=_as_id(content.get("last_notice")),
            last_notification=_as_id(content.get("last_notification")),
        )
        for message in messages:
            await self.send_json(message)

    def _acknowledge(self, notice_id: int) -> None:
        user = self.scope["user"]
        notice = selectors.notice_for_member(user=user, notice_id=notice_id)
        if notice is not None:
            with contextlib.suppress(ApplicationError):
                services.acknowledge_notice(notice=notice, user=user)

    async def live_message(self, event):
        group_id = event.get("group_id")
        if group_id is not None and realtime.prevention_group(group_id) not in self.groups_joined:
            return  # queued before this connection left the group
        await self.send_json(event["message"])

    async def live_leave(self, event):
        name = realtime.prevention_group(event["group"])
        if name in self.groups_joined:
            self.groups_joined.remove(name)
            await self.channel_layer.group_discard(name, self.channel_name)

    async def live_close(self, event):
        await self.close()

    async def live_join(self, event):
        name = realtime.prevention_group(event["group"])
        if name not in self.groups_joined:
            self.groups_joined.append(name)
            await self.channel_layer.group_add(name, self.channel_name)

"""A suspended account loses its live connection at once and cannot open a new one."""

import pytest
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from accounts import services as accounts_services
from notices.routing import websocket_urlpatterns

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

router = URLRouter(websocket_urlpatterns)


def communicator_for(user) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(router, "/ws/notices/")
    communicator.scope["user"] = user
    return communicator


async def test_suspending_an_account_closes_its_live_connection(member):
    listener = communicator_for(member)
    assert (await listener.connect())[0]
    await database_sync_to_async(accounts_services.suspend_user)(user=member, reason="Stuurt reclame")
    output = await listener.receive_output(timeout=2)
    assert output["type"] == "websocket.close"


async def test_a_suspended_account_cannot_connect(member):
    await database_sync_to_async(accounts_services.suspend_user)(user=member, reason="Stuurt reclame")
    connected, code = await communicator_for(member).connect()
    assert not connected
    assert code == 4403

import pytest

from notices.layers import InMemoryChannelLayer

pytestmark = pytest.mark.asyncio


async def test_embedded_layer_delivers_to_every_member_of_a_group():
    layer = InMemoryChannelLayer()
    channels = [await layer.new_channel() for _ in range(3)]
    for channel in channels:
        await layer.group_add("prevention.1", channel)
    await layer.group_send("prevention.1", {"type": "live.message", "message": {"id": 1}})
    for channel in channels:
        assert (await layer.receive(channel))["message"] == {"id": 1}


async def test_embedded_layer_still_drops_expired_messages():
    layer = InMemoryChannelLayer(expiry=0)
    channel = await layer.new_channel()
    await layer.send(channel, {"type": "live.message"})
    layer._last_sweep = 0.0  # the next sweep is due
    layer._clean_expired()
    assert channel not in layer.channels

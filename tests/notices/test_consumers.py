"""The WebSocket at /ws/notices/, tested with Channels' WebsocketCommunicator."""

import os
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client
from django.utils import timezone

from notices import realtime, services
from notices.models import Acknowledgement, Membership, Notice
from notices.routing import websocket_urlpatterns
from notifications.models import Notification
from notifications.services import notify

from .factories import MembershipFactory, NoticeFactory

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

router = URLRouter(websocket_urlpatterns)


async def connect_as(user):
    communicator = WebsocketCommunicator(router, "/ws/notices/")
    communicator.scope["user"] = user
    connected, _ = await communicator.connect()
    assert connected
    return communicator


post_notice = database_sync_to_async(services.post_notice)


async def test_member_receives_a_notice_posted_by_another_member(group, member, second_member):
    listener = await connect_as(second_member)
    notice = await post_notice(
        group=group, author=member, level="urgent", text="Man bij de schuur", street="Lindenlaan"
    )
    message = await listener.receive_json_from(timeout=2)
    assert message == {
        "type": "notice",
        "id": notice.pk,
        "group": "ruwaard-noord",
        "level": "urgent",
        "text": "Man bij de schuur",
        "street": "Lindenlaan",
        "author": "Anouk",
        "created": notice.created_at.isoformat(),
    }
    await listener.disconnect()


async def test_non_member_and_pending_member_receive_nothing(group, member, outsider, other_group):
    pending = await database_sync_to_async(MembershipFactory)(group=group, status="requested")
    elsewhere = await database_sync_to_async(MembershipFactory)(group=other_group)
    listeners = [await connect_as(user) for user in (outsider, pending.user, elsewhere.user)]
    await post_notice(group=group, author=member, level="info", text="Alleen voor leden")
    for listener in listeners:
        assert await listener.receive_nothing(timeout=0.3)
        await listener.disconnect()


async def test_anonymous_connection_is_refused():
    from wijk.asgi import application

    communicator = WebsocketCommunicator(
        application, "/ws/notices/", headers=[(b"origin", b"http://testserver")]
    )
    connected, _ = await communicator.connect()
    assert not connected


async def test_logged_in_session_from_the_site_is_accepted_and_other_origins_are_not(member):
    from wijk.asgi import application

    client = Client()
    await database_sync_to_async(client.force_login)(member)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}".encode()
    good = WebsocketCommunicator(
        application, "/ws/notices/", headers=[(b"origin", b"http://testserver"), (b"cookie", cookie)]
    )
    assert (await good.connect())[0]
    await good.disconnect()
    foreign = WebsocketCommunicator(
        application, "/ws/notices/", headers=[(b"origin", b"https://evil.example"), (b"cookie", cookie)]
    )
    assert not (await foreign.connect())[0]


async def test_reconnect_with_last_id_receives_exactly_the_missed_notices(
    group, other_group, member, second_member
):
    await database_sync_to_async(MembershipFactory)(group=other_group, user=member)
    first = await post_notice(group=group, author=member, level="info", text="Eerste")
    listener = await connect_as(second_member)
    await listener.disconnect()
    missed = [
        await post_notice(group=group, author=member, level="info", text="Gemist 1"),
        await post_notice(group=group, author=member, level="oproep", text="Gemist 2"),
    ]
    await post_notice(group=other_group, author=member, level="info", text="Andere groep")

    again = await connect_as(second_member)
    await again.send_json_to({"type": "resume", "last_notice": first.pk, "last_notification": None})
    received = [await again.receive_json_from(timeout=2) for _ in missed]
    assert [m["id"] for m in received] == [n.pk for n in missed]
    assert await again.receive_nothing(timeout=0.3)
    await again.disconnect()


async def test_catch_up_leaves_out_expired_and_hidden_notices(group, member, second_member):
    def make():
        old = NoticeFactory(group=group, author=member, expires_at=timezone.now() - timedelta(minutes=1))
        NoticeFactory(group=group, author=member, is_hidden=True)
        fresh = NoticeFactory(group=group, author=member)
        return old, fresh

    old, fresh = await database_sync_to_async(make)()
    listener = await connect_as(second_member)
    await listener.send_json_to({"type": "resume", "last_notice": old.pk - 1, "last_notification": None})
    assert (await listener.receive_json_from(timeout=2))["id"] == fresh.pk
    assert await listener.receive_nothing(timeout=0.3)
    await listener.disconnect()


async def test_status_change_arrives_live_and_is_stored(group, member, second_member):
    notice = await database_sync_to_async(NoticeFactory)(group=group, author=member, level="urgent")
    listener = await connect_as(member)
    await database_sync_to_async(services.set_notice_status)(
        notice=notice, status="112 gebeld", by=second_member
    )
    message = await listener.receive_json_from(timeout=2)
    assert message == {"type": "status", "notice": notice.pk, "status": "112 gebeld", "by": "Bram"}
    stored = await Notice.objects.aget(pk=notice.pk)
    assert stored.status == "112 gebeld"
    await listener.disconnect()


async def test_notification_from_another_app_arrives_live_and_persists_unread(member):
    listener = await connect_as(member)
    notification = await database_sync_to_async(notify)(
        user=member, text="Henk reageerde op uw vraag", url="/vraag-en-aanbod/3/", kind="marketplace"
    )
    message = await listener.receive_json_from(timeout=2)
    assert message == {
        "type": "notification",
        "id": notification.pk,
        "text": "Henk reageerde op uw vraag",
        "url": "/vraag-en-aanbod/3/",
    }
    assert await Notification.objects.filter(pk=notification.pk, read_at__isnull=True).aexists()
    await listener.send_json_to({"type": "resume", "last_notice": None, "last_notification": 0})
    assert (await listener.receive_json_from(timeout=2))["id"] == notification.pk
    await listener.disconnect()


async def test_seen_over_the_socket_is_recorded_once(group, member, second_member):
    notice = await database_sync_to_async(NoticeFactory)(group=group, author=member, level="urgent")
    listener = await connect_as(second_member)
    await listener.send_json_to({"type": "seen", "notice": notice.pk})
    await listener.send_json_to({"type": "seen", "notice": notice.pk})
    await listener.send_json_to({"type": "seen", "notice": "geen nummer"})
    await listener.send_json_to({"type": "resume", "last_notice": notice.pk, "last_notification": None})
    # The group hears the new count once: the second "seen" changed nothing.
    assert await listener.receive_json_from(timeout=2) == {"type": "seen", "notice": notice.pk, "count": 1}
    assert await listener.receive_nothing(timeout=0.3)  # the resume ran, so the seen messages did too
    assert await Acknowledgement.objects.filter(notice=notice, user=second_member).acount() == 1
    await listener.disconnect()


async def test_member_approved_while_connected_starts_receiving(group, coordinator, outsider):
    listener = await connect_as(outsider)
    membership = await database_sync_to_async(services.request_membership)(group=group, user=outsider)
    await database_sync_to_async(services.approve_membership)(membership=membership, by=coordinator)
    assert (await listener.receive_json_from(timeout=2))["type"] == "notification"
    notice = await post_notice(group=group, author=coordinator, level="info", text="Welkom")
    assert (await listener.receive_json_from(timeout=2))["id"] == notice.pk
    await listener.disconnect()


async def test_a_connection_counts_as_present_until_it_closes(member):
    listener = await connect_as(member)
    assert await database_sync_to_async(realtime.connected_user_ids)([member.pk]) == {member.pk}
    await listener.disconnect()
    assert await database_sync_to_async(realtime.connected_user_ids)([member.pk]) == set()


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")
async def test_delivery_over_redis_reaches_consumers_of_another_layer_instance(
    settings, group, member, second_member
):
    from channels_redis.core import RedisChannelLayer

    assert settings.CHANNEL_LAYERS["default"]["BACKEND"] == "channels_redis.core.RedisChannelLayer"
    config = settings.CHANNEL_LAYERS["default"]["CONFIG"]
    listeners = [await connect_as(member), await connect_as(second_member)]
    notice = await post_notice(group=group, author=member, level="urgent", text="Over Redis")
    for listener in listeners:
        assert (await listener.receive_json_from(timeout=3))["id"] == notice.pk

    # A second ASGI process has its own layer instance; it reaches both consumers through Redis.
    other_process = RedisChannelLayer(hosts=config["hosts"], prefix=config["prefix"])
    assert other_process.brpop_timeout < config["hosts"][0]["socket_timeout"]
    message = await database_sync_to_async(
        lambda: Notice.objects.select_related("group", "author").get(pk=notice.pk).as_message()
    )()
    await other_process.group_send(
        realtime.prevention_group(group.pk), {"type": "live.message", "message": message}
    )
    for listener in listeners:
        assert (await listener.receive_json_from(timeout=3))["text"] == "Over Redis"
        await listener.disconnect()
    await other_process.flush()


async def test_a_message_that_is_not_json_is_ignored(group, member):
    listener = await connect_as(member)
    await listener.send_to(text_data="geen json")
    await listener.send_json_to({"type": "onbekend"})
    notification = await database_sync_to_async(notify)(user=member, kind="test", text="Nog verbonden")
    assert (await listener.receive_json_from(timeout=2))["id"] == notification.pk
    await listener.disconnect()


async def test_removed_member_stops_receiving_at_once(group, member, second_member):
    listener = await connect_as(second_member)
    membership = await database_sync_to_async(Membership.objects.get)(group=group, user=second_member)
    await database_sync_to_async(membership.delete)()
    await post_notice(group=group, author=member, level="info", text="Na het vertrek")
    assert await listener.receive_nothing(timeout=0.5)
    await listener.disconnect()


async def test_logging_out_closes_the_live_connection(member):
    from django.contrib.auth.signals import user_logged_out

    listener = await connect_as(member)
    await database_sync_to_async(user_logged_out.send)(sender=type(member), request=None, user=member)
    output = await listener.receive_output(timeout=2)
    assert output["type"] == "websocket.close"


async def test_changing_the_password_closes_the_live_connection(member):
    listener = await connect_as(member)

    def change_password():
        member.set_password("een-nieuw-wachtwoord")
        member.save()

    await database_sync_to_async(change_password)()
    output = await listener.receive_output(timeout=2)
    assert output["type"] == "websocket.close"


async def test_saving_the_user_without_a_new_password_keeps_the_connection(member):
    listener = await connect_as(member)

    def rename():
        member.display_name = "Anouk J."
        member.save()

    await database_sync_to_async(rename)()
    assert await listener.receive_nothing(timeout=0.3)
    await listener.disconnect()


@pytest.mark.parametrize(
    "frame",
    [
        '{"type": "seen", "notice": Infinity}',
        '{"type": "seen", "notice": 1e999}',
        '{"type": "resume", "last_notice": NaN, "last_notification": -Infinity}',
        "[" * 100_000 + "]" * 100_000,
        '{"type": "resume", "last_notice": ' + "[" * 500 + "]" * 500 + "}",
        "x" * 100_000,
    ],
)
async def test_hostile_frames_are_ignored_and_the_connection_lives(member, frame):
    listener = await connect_as(member)
    await listener.send_to(text_data=frame)
    await listener.send_to(bytes_data=b"\x00\xff binary")
    notification = await database_sync_to_async(notify)(user=member, kind="test", text="Nog verbonden")
    assert (await listener.receive_json_from(timeout=2))["id"] == notification.pk
    await listener.disconnect()

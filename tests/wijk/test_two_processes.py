"""Two ASGI processes, one platform: a member connected to one hears a notice posted through the other.

Runs on PostgreSQL + Redis (the channel layer that joins the processes); skipped on the embedded default.
"""

import json
import os
import uuid

import pytest
from django.conf import settings
from django.db import connection
from websockets.sync.client import connect

from notices.models import Notice
from tests.factories import UserFactory
from tests.notices.factories import MembershipFactory

from . import live

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(
        not (os.environ.get("REDIS_URL") and os.environ.get("DATABASE_URL")),
        reason="needs PostgreSQL and Redis (DATABASE_URL and REDIS_URL)",
    ),
]


def _database_url() -> str:
    """The test database of this pytest process, so the servers see the rows the test creates."""
    db = settings.DATABASES["default"]
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _receive_notice(socket, timeout: float = 20) -> dict:
    while True:
        message = json.loads(socket.recv(timeout=timeout))
        if message.get("type") == "notice":
            return message


@pytest.mark.django_db(transaction=True)
def test_a_notice_posted_through_one_process_reaches_a_member_on_the_other(tmp_path, collected_static):
    assert connection.vendor == "postgresql"
    author = UserFactory(email="melder@example.org", display_name="Anouk")
    listener = UserFactory(email="luisteraar@example.org", display_name="Kees")
    membership = MembershipFactory(user=author)
    MembershipFactory(user=listener, group=membership.group)
    group = membership.group

    env = live.server_env(
        DATABASE_URL=_database_url(),
        REDIS_URL=os.environ["REDIS_URL"],
        CHANNELS_PREFIX=f"wijk-live-{uuid.uuid4().hex[:8]}",
        STATIC_ROOT=str(collected_static),
    )
    ports = [live.free_port(), live.free_port()]
    servers = [live.daphne(f"web{i}", port, env) for i, port in enumerate(ports)]
    with live.running(servers, tmp_path):
        for server, port in zip(servers, ports, strict=True):
            live.wait_for(f"http://127.0.0.1:{port}/health/", server)

        with connect(
            f"ws://127.0.0.1:{ports[0]}/ws/notices/",
            origin=f"http://127.0.0.1:{ports[0]}",
            additional_headers={"Cookie": f"sessionid={live.session_for(listener)}"},
            open_timeout=30,
        ) as socket:
            response = live.request(
                "POST",
                f"http://127.0.0.1:{ports[1]}/buurtpreventie/{group.slug}/",
                session=live.session_for(author),
                data={"level": "urgent", "text": "Onbekende bus bij de speeltuin", "street": "Kastanjelaan"},
            )
            assert response.status == 302, response.body[-2000:] + servers[1].output()[-2000:]
            message = _receive_notice(socket)

    notice = Notice.objects.get(text="Onbekende bus bij de speeltuin")
    assert message["id"] == notice.pk
    assert message["text"] == "Onbekende bus bij de speeltuin"
    assert message["street"] == "Kastanjelaan"
    assert message["group"] == group.slug
    assert message["author"] == "Anouk"

"""Budget: an urgent notice pushed (VAPID, aes128gcm) to 500 subscribed devices in under 5 s, worker included."""

import os
import time
import uuid

import pytest

from accounts.models import User
from notices import services
from notices.models import Membership, PreventionGroup
from notifications import push
from notifications.models import PushSubscription
from tests.notifications.push_receiver import Browser, start_receiver

DEVICES = int(os.environ.get("BENCH_PUSH_DEVICES", "500"))
BUDGET_S = 5.0

pytestmark = [pytest.mark.perf, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _only_in_make_bench(request):
    if "perf" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("benchmark: run it with make bench")


def test_urgent_notice_reaches_500_devices_in_under_5_seconds(settings, django_capture_on_commit_callbacks):
    receiver = start_receiver()
    keys = push.generate_keys()
    settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY = (
        keys["VAPID_PUBLIC_KEY"],
        keys["VAPID_PRIVATE_KEY"],
    )
    settings.PUSH_ENDPOINT_HOSTS = ["127.0.0.1"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    try:
        group = PreventionGroup.objects.create(
            name="Bench", slug=f"bench-{uuid.uuid4().hex[:8]}", area="Ruwaard"
        )
        users = User.objects.bulk_create(
            [User(email=f"push-{i}@example.org", display_name=f"Lid {i}") for i in range(DEVICES + 1)]
        )
        Membership.objects.bulk_create(
            [Membership(group=group, user=user, status=Membership.Status.APPROVED) for user in users]
        )
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=users[0], email=users[0].email, verified=True, primary=True)
        browser = Browser.new()  # one key pair for all: encryption still runs once per device
        PushSubscription.objects.bulk_create(
            [
                PushSubscription(
                    user=user,
                    endpoint=f"{receiver.base}/push/{i}",
                    p256dh=browser.p256dh,
                    auth=browser.subscription("x")["keys"]["auth"],
                )
                for i, user in enumerate(users[1:])
            ]
        )
        start = time.perf_counter()
        with django_capture_on_commit_callbacks(execute=True):
            services.post_notice(group=group, author=users[0], level="urgent", text="Brand in de Lindenlaan")
        elapsed = time.perf_counter() - start
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()

    print(
        f"\nurgent notice pushed to {len(receiver.received)} devices (and {DEVICES} e-mails) in {elapsed:.2f} s"
    )
    assert len(receiver.received) == DEVICES
    assert b"Brand" in browser.decrypt(receiver.received[-1].body)
    assert elapsed < BUDGET_S

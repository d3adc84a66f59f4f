"""Web Push: subscribing a device, the allowlist of push services, delivery and removal of gone devices."""

import json
from types import SimpleNamespace

import pytest
import time_machine

from notices import services as notice_services
from notifications import push, services
from notifications.kinds import Kind
from notifications.models import PushSubscription
from tests.notices.factories import MembershipFactory, PreventionGroupFactory

from .push_receiver import Browser, start_receiver


@pytest.fixture
def receiver():
    receiver = start_receiver()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


@pytest.fixture
def vapid(settings):
    keys = push.generate_keys()
    settings.VAPID_PUBLIC_KEY = keys["VAPID_PUBLIC_KEY"]
    settings.VAPID_PRIVATE_KEY = keys["VAPID_PRIVATE_KEY"]
    settings.VAPID_SUBJECT = "mailto:beheer@example.org"
    settings.PUSH_ENDPOINT_HOSTS = ["127.0.0.1", "fcm.googleapis.com", "*.push.apple.com"]
    settings.PUSH_QUIET_HOURS = "22-7"
    return keys


def _subscribe(client, subscription: dict):
    return client.post(
        "/mijn/meldingen/apparaten/",
        data=json.dumps({**subscription, "label": "Firefox op Android"}),
        content_type="application/json",
    )


def test_urgent_notice_is_pushed_encrypted_to_a_member_device_and_a_gone_device_is_removed(
    db, vapid, receiver, client_for, django_capture_on_commit_callbacks
):
    group = PreventionGroupFactory(name="Buurtpreventie Ruwaard-Noord", slug="ruwaard-noord")
    author = MembershipFactory(group=group, user__display_name="Kees").user
    member = MembershipFactory(group=group, user__display_name="Anouk").user
    browser = Browser.new()

    answer = _subscribe(client_for(member), browser.subscription(f"{receiver.base}/push/anouk"))
    assert answer.status_code == 201
    device = PushSubscription.objects.get(user=member)
    assert device.label == "Firefox op Android"

    with django_capture_on_commit_callbacks(execute=True):
        notice_services.post_notice(
            group=group,
            author=author,
            level="urgent",
            text="Inbraak bezig bij nummer 12",
            street="Lindenlaan",
        )

    assert len(receiver.received) == 1
    post = receiver.received[0]
    assert post.path == "/push/anouk"
    assert post.headers["content-encoding"] == "aes128gcm"
    assert post.headers["urgency"] == "high"
    # VAPID (RFC 8292): a signed token and our public key.
    assert post.headers["authorization"].startswith("vapid t=")
    assert f"k={vapid['VAPID_PUBLIC_KEY']}" in post.headers["authorization"]
    assert b"Inbraak" not in post.body  # encrypted on the way
    message = json.loads(browser.decrypt(post.body))
    assert "Inbraak bezig bij nummer 12" in message["body"]
    assert message["title"] == "Spoed"
    assert message["url"].startswith("/buurtpreventie/ruwaard-noord/#melding-")

    # The push service says the device is gone: the subscription is removed.
    receiver.status = 410
    with django_capture_on_commit_callbacks(execute=True):
        notice_services.post_notice(group=group, author=author, level="urgent", text="Weer een inbraak")
    assert len(receiver.received) == 2
    assert not PushSubscription.objects.filter(pk=device.pk).exists()


@pytest.mark.parametrize(
    ("endpoint", "reason"),
    [
        ("https://push.evil.example/abc", "Deze pushdienst kennen we niet"),
        ("http://fcm.googleapis.com/fcm/send/abc", "beveiligde verbinding"),
        ("http://localhost:9000/push", "Deze pushdienst kennen we niet"),  # loopback, but not on the list
        ("https://169.254.169.254/latest", "Deze pushdienst kennen we niet"),
        ("ftp://fcm.googleapis.com/x", "beveiligde verbinding"),
        ("https://apple.com.evil.example/x", "Deze pushdienst kennen we niet"),
    ],
)
def test_endpoint_not_on_the_allowlist_is_refused_in_dutch(vapid, resident, client_for, endpoint, reason):
    answer = _subscribe(client_for(resident), Browser.new().subscription(endpoint))
    assert answer.status_code == 400
    assert reason in answer.json()["error"]
    assert not PushSubscription.objects.exists()


def test_known_push_services_are_accepted(vapid, resident, client_for):
    for endpoint in ("https://fcm.googleapis.com/fcm/send/abc", "https://web.push.apple.com/QGx"):
        assert _subscribe(client_for(resident), Browser.new().subscription(endpoint)).status_code == 201
    assert PushSubscription.objects.filter(user=resident).count() == 2


def test_keys_that_are_not_p256_are_refused(vapid, resident, client_for):
    subscription = Browser.new().subscription("https://fcm.googleapis.com/fcm/send/abc")
    subscription["keys"]["p256dh"] = "bm90IGEga2V5"
    answer = _subscribe(client_for(resident), subscription)
    assert answer.status_code == 400
    assert "sleutels" in answer.json()["error"]


def test_member_sees_and_removes_their_device_on_mijn(vapid, resident, other_resident, client_for):
    mine = services.add_device(
        user=resident,
        label="Chrome op Android",
        **_keys(Browser.new(), "https://fcm.googleapis.com/fcm/send/1"),
    )
    theirs = services.add_device(
        user=other_resident, label="Safari op iPhone", **_keys(Browser.new(), "https://web.push.apple.com/2")
    )
    client = client_for(resident)
    page = client.get("/mijn/").content.decode()
    assert "Chrome op Android" in page and "Safari op iPhone" not in page
    assert "Meldingen aanzetten op dit apparaat" in page and vapid["VAPID_PUBLIC_KEY"] in page
    client.post(f"/mijn/meldingen/apparaten/{theirs.pk}/verwijderen/")
    assert PushSubscription.objects.filter(pk=theirs.pk).exists()  # not theirs to remove
    client.post(f"/mijn/meldingen/apparaten/{mine.pk}/verwijderen/")
    assert not PushSubscription.objects.filter(pk=mine.pk).exists()


def test_quiet_hours_hold_back_a_message_push_but_not_an_urgent_notice(
    vapid, receiver, resident, django_capture_on_commit_callbacks
):
    services.add_device(user=resident, **_keys(Browser.new(), f"{receiver.base}/push/1"))
    with (
        time_machine.travel("2026-11-24 23:30 +0100", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.notify(user=resident, kind=Kind.MESSAGE, text="Nieuw bericht van Henk", url="/berichten/1/")
    assert receiver.received == []
    with (
        time_machine.travel("2026-11-24 23:31 +0100", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.notify(user=resident, kind=Kind.NOTICE_URGENT, text="Spoed: brand", url="/buurtpreventie/")
    assert len(receiver.received) == 1
    with (
        time_machine.travel("2026-11-25 09:00 +0100", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.notify(user=resident, kind=Kind.MESSAGE, text="Nieuw bericht van Ans", url="/berichten/2/")
    assert len(receiver.received) == 2


def test_vapid_keys_command_prints_a_pair(capsys, settings, tmp_path):
    from django.core.management import call_command

    settings.VAPID_PUBLIC_KEY = settings.VAPID_PRIVATE_KEY = ""
    settings.VAPID_KEY_FILE = tmp_path / "vapid.json"
    call_command("vapid_keys", "--first-start")
    printed = capsys.readouterr().out
    assert "VAPID_PUBLIC_KEY=" in printed and "VAPID_PRIVATE_KEY=" in printed
    assert push.vapid_keys().public in printed
    call_command("vapid_keys", "--first-start")
    assert capsys.readouterr().out == ""  # only on the first start


def _keys(browser: Browser, endpoint: str) -> dict:
    info = browser.subscription(endpoint)
    return {"endpoint": endpoint, "p256dh": info["keys"]["p256dh"], "auth": info["keys"]["auth"]}


def test_a_member_can_turn_on_at_most_ten_devices(vapid, resident, client_for):
    client = client_for(resident)
    for n in range(services.MAX_DEVICES):
        assert (
            _subscribe(
                client, Browser.new().subscription(f"https://fcm.googleapis.com/fcm/send/{n}")
            ).status_code
            == 201
        )
    refused = _subscribe(client, Browser.new().subscription("https://fcm.googleapis.com/fcm/send/extra"))
    assert refused.status_code == 400
    assert "Verwijder er eerst een" in refused.json()["error"]
    assert PushSubscription.objects.filter(user=resident).count() == services.MAX_DEVICES


@pytest.fixture
def night(vapid, receiver, resident, settings, django_capture_on_commit_callbacks):
    """Messages for the resident at night, delivered by a worker; returns them and the pushes held back."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    browser = Browser.new()
    services.add_device(user=resident, **_keys(browser, f"{receiver.base}/push/1"))
    sent = []
    with time_machine.travel("2026-11-24 23:30 +0100", tick=False):
        for text in ("Bericht van Henk", "Bericht van Ans", "Bericht van Piet"):
            with django_capture_on_commit_callbacks(execute=True):
                sent.append(services.notify(user=resident, kind=Kind.MESSAGE, text=text, url="/berichten/1/"))
        for result in [r for r in default_task_backend.results if r.task.name == "deliver_notifications"]:
            result.task.call(*result.args, **result.kwargs)  # the worker runs these at once
    held = [r for r in default_task_backend.results if r.task.name == "push_held_notifications"]

    def morning() -> list[dict]:
        with time_machine.travel("2026-11-25 07:00 +0100", tick=False):
            return [r.task.call(*r.args, **r.kwargs) for r in held]

    return SimpleNamespace(sent=sent, held=held, morning=morning, browser=browser)


def test_quiet_hours_hold_pushes_back_and_send_only_the_newest_when_they_end(night, receiver, resident):
    assert receiver.received == []
    assert [r.task.run_after.isoformat() for r in night.held] == ["2026-11-25T07:00:00+01:00"] * 3
    assert night.morning() == [{"pushes": 0, "removed": 0}] * 2 + [{"pushes": 1, "removed": 0}]
    assert len(receiver.received) == 1
    assert json.loads(night.browser.decrypt(receiver.received[0].body))["body"] == "Bericht van Piet"


def test_what_was_read_or_switched_off_at_night_is_not_pushed_in_the_morning(night, receiver, resident):
    services.mark_read(user=resident, ids=[night.sent[-1].pk])  # the newest, read on the site
    assert night.morning() == [
        {"pushes": 0, "removed": 0},
        {"pushes": 1, "removed": 0},
        {"pushes": 0, "removed": 0},
    ]
    assert json.loads(night.browser.decrypt(receiver.received[0].body))["body"] == "Bericht van Ans"
    receiver.received.clear()
    services.set_preferences(user=resident, choices={Kind.MESSAGE: ("instant", False)})
    assert night.morning() == [{"pushes": 0, "removed": 0}] * 3
    assert receiver.received == []


def test_without_a_worker_quiet_hours_skip_the_push_without_failing(vapid, receiver, resident):
    services.add_device(user=resident, **_keys(Browser.new(), f"{receiver.base}/push/1"))
    notification = services.notify(
        user=resident, kind=Kind.MESSAGE, text="Bericht van Henk", url="/berichten/1/"
    )
    with time_machine.travel("2026-11-24 23:30 +0100", tick=False):
        outcome = services.deliver(notification_ids=[notification.pk])
    assert outcome["pushes"] == 0 and receiver.received == []


@pytest.mark.parametrize(
    "spec, moment, ends",
    [
        ("22-7", "2026-11-24 21:59", None),
        ("22-7", "2026-11-24 22:00", "2026-11-25 07:00"),
        ("22-7", "2026-11-25 03:00", "2026-11-25 07:00"),
        ("22-7", "2026-11-25 07:00", None),
        ("1-5", "2026-11-25 04:59", "2026-11-25 05:00"),
        ("1-5", "2026-11-25 00:59", None),
        ("", "2026-11-25 03:00", None),
        ("nacht", "2026-11-25 03:00", None),
    ],
)
def test_quiet_hours_end_at_the_next_end_hour(settings, spec, moment, ends):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    amsterdam = ZoneInfo("Europe/Amsterdam")
    settings.PUSH_QUIET_HOURS = spec
    local = datetime.fromisoformat(moment).replace(tzinfo=amsterdam)
    expected = datetime.fromisoformat(ends).replace(tzinfo=amsterdam) if ends else None
    assert services.quiet_hours_end(local) == expected

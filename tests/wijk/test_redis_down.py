"""With Redis unreachable the site still serves, and a posted notice is stored and its mails queued."""

import pytest
from django.core import mail
from django.test import override_settings

from notices.models import Notice
from tests.factories import UserFactory
from tests.notices.factories import MembershipFactory

CLOSED = "redis://127.0.0.1:6390/0"
DOWN = {
    "RATELIMIT_USE_CACHE": "default",  # the post limits count in the unreachable Redis too
    # allauth's limits on logging in keep a lock in the cache (off in the other tests)
    "ACCOUNT_RATE_LIMITS": {"login": "30/m/ip", "login_failed": "10/m/ip,5/5m/key"},
    "CACHES": {
        "default": {
            "BACKEND": "ops.cache.ForgivingRedisCache",
            "LOCATION": CLOSED,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    },
    "CHANNEL_LAYERS": {
        "default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [CLOSED]}}
    },
}


@pytest.mark.django_db
@override_settings(**DOWN)
def test_pages_login_and_posting_a_notice_work_while_redis_is_down(
    client, django_capture_on_commit_callbacks
):
    assert client.get("/").status_code == 200
    assert client.get("/verhalen/").status_code == 200

    member = UserFactory(email="lid@example.nl")
    response = client.post("/account/login/", {"login": "lid@example.nl", "password": "ruwaard-demo"})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(member.pk)

    membership = MembershipFactory(user=member)
    neighbour = MembershipFactory(group=membership.group)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/buurtpreventie/{membership.group.slug}/",
            {"level": Notice.Level.URGENT, "text": "Verdachte auto bij de school", "street": "Lindenlaan"},
            follow=True,
        )
    assert response.status_code == 200
    assert Notice.objects.filter(text="Verdachte auto bij de school").exists()
    assert [message.to for message in mail.outbox] == [[neighbour.user.email]]


@pytest.mark.django_db
@override_settings(**DOWN)
def test_messages_and_logging_out_work_while_redis_is_down(client_for, django_capture_on_commit_callbacks):
    """The live push to the other person's open pages cannot go: the message is stored, the page says so."""
    from marketplace.models import Message
    from tests.marketplace.factories import ConversationFactory

    conversation = ConversationFactory()
    owner = conversation.response.listing.owner
    client = client_for(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(conversation.get_absolute_url(), {"text": "Kan het ook om tien uur?"})
    assert response.status_code == 302
    assert Message.objects.filter(conversation=conversation, text="Kan het ook om tien uur?").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/account/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session

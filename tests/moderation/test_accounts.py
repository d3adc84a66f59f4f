"""A moderator suspends an account; a resident blocks a conversation partner."""

import re

import pytest

from activities.models import Activity
from core.exceptions import ApplicationError
from marketplace.models import Listing
from moderation.models import Decision
from notices.models import Notice
from tests.activities.factories import ActivityFactory
from tests.marketplace.factories import ConversationFactory, ListingFactory
from tests.notices.factories import MembershipFactory

LISTING_FORM = {
    "kind": "vraag",
    "category": "tuin",
    "title": "Heg",
    "text": "",
    "when": "altijd",
    "area": "heel",
}


def suspend(client, user, reason="Steeds reclame."):
    return client.post(f"/moderatie/account/{user.pk}/", {"reason": reason})


@pytest.mark.django_db
def test_resident_cannot_suspend_anyone(resident, other_resident, client_for):
    assert suspend(client_for(resident), other_resident).status_code == 403
    other_resident.refresh_from_db()
    assert other_resident.suspended_at is None


@pytest.mark.django_db
def test_suspension_needs_a_reason(moderator, resident, client_for):
    response = suspend(client_for(moderator), resident, reason="")
    assert response.status_code == 400 and "Schrijf op waarom" in response.content.decode()


@pytest.mark.django_db
def test_suspended_account_cannot_log_in_post_or_be_seen(moderator, resident, client, client_for):
    listing = ListingFactory(owner=resident, title="Spullen van mij")
    activity = ActivityFactory(owner=resident, title="Feest van mij")
    logged_in = client_for(resident)
    assert suspend(client_for(moderator), resident).status_code == 302
    resident.refresh_from_db()
    assert resident.is_suspended and Decision.objects.get().action == "suspend"

    # The open session ends at its next request; a new login is refused with the reason.
    page = logged_in.get("/mijn/")
    assert page.status_code == 403 and "Steeds reclame." in page.content.decode()
    assert logged_in.get("/mijn/").status_code == 302
    login = client.post("/account/login/", {"login": resident.email, "password": "ruwaard-demo"})
    assert login.status_code == 403 and "geschorst" in login.content.decode()
    assert "_auth_user_id" not in client.session

    # Posting through the services is refused too.
    from marketplace.services import create_listing

    with pytest.raises(ApplicationError, match="geschorst"):
        create_listing(owner=resident, kind="vraag", category="tuin", title="Nog een")
    assert Listing.objects.count() == 1

    # Public posts are hidden from everyone but moderators.
    assert client.get(listing.get_absolute_url()).status_code == 404
    assert "Spullen van mij" not in client.get("/vraag-en-aanbod/").content.decode()
    assert client.get(activity.get_absolute_url()).status_code == 404
    assert "Feest van mij" not in client.get("/agenda/?wanneer=week").content.decode()
    assert not Activity.objects.published().filter(pk=activity.pk).exists()
    assert client_for(moderator).get(listing.get_absolute_url()).status_code == 200

    # Lifting the suspension brings everything back.
    suspend(client_for(moderator), resident, reason="Afgesproken dat het stopt.")
    resident.refresh_from_db()
    assert not resident.is_suspended
    assert client.get(listing.get_absolute_url()).status_code == 200
    assert list(Decision.objects.values_list("action", flat=True)) == ["lift", "suspend"]


@pytest.mark.django_db
def test_suspended_member_cannot_post_a_notice(resident):
    from accounts.services import suspend_user
    from notices.services import post_notice

    membership = MembershipFactory(user=resident)
    suspend_user(user=resident, reason="Misbruik")
    with pytest.raises(ApplicationError):
        post_notice(group=membership.group, author=resident, level="urgent", text="Test")
    assert not Notice.objects.exists()


@pytest.mark.django_db
def test_a_moderator_cannot_be_suspended_here(moderator, client_for):
    from tests.factories import UserFactory

    other = UserFactory(roles=["moderator"])
    assert suspend(client_for(moderator), other).status_code == 403
    assert suspend(client_for(moderator), moderator).status_code == 403


@pytest.mark.django_db
def test_blocked_partner_cannot_message_either_way(resident, volunteer, client_for):
    conversation = ConversationFactory(
        response__listing=ListingFactory(owner=resident), response__responder=volunteer
    )
    url = conversation.get_absolute_url()
    client_for(resident).post(f"/berichten/{conversation.pk}/blokkeren/")
    for person in (volunteer, resident):
        response = client_for(person).post(url, {"text": "Hallo?"})
        assert response.status_code == 403
        assert "geblokkeerd" in response.content.decode()
    assert not conversation.messages.filter(text="Hallo?").exists()
    assert "U heeft Henk geblokkeerd" in client_for(resident).get(url).content.decode()
    # A new response to another listing of the blocker is refused as well.
    other = ListingFactory(owner=resident)
    refused = client_for(volunteer).post(f"/vraag-en-aanbod/{other.pk}/reageren/", {"text": "Ik help"})
    assert refused.status_code == 400 and not other.responses.exists()

    client_for(resident).post(f"/berichten/{conversation.pk}/blokkeren/", {"opheffen": "1"})
    assert client_for(volunteer).post(url, {"text": "Weer welkom"}).status_code == 302
    assert conversation.messages.filter(text="Weer welkom").exists()


@pytest.mark.django_db
def test_outsider_cannot_block_through_a_conversation(resident, volunteer, other_resident, client_for):
    from accounts.models import Block

    conversation = ConversationFactory(
        response__listing=ListingFactory(owner=resident), response__responder=volunteer
    )
    assert client_for(other_resident).post(f"/berichten/{conversation.pk}/blokkeren/").status_code == 404
    assert not Block.objects.exists()


@pytest.mark.django_db
def test_posting_listings_is_limited_with_a_dutch_429(resident, client_for, settings):
    settings.POST_RATE_LIMITS = {**settings.POST_RATE_LIMITS, "listing": "2/h"}
    client = client_for(resident)
    codes = [
        client.post("/vraag-en-aanbod/nieuw/", {**LISTING_FORM, "title": f"Heg {n}"}).status_code
        for n in range(3)
    ]
    assert codes[:2] == [302, 302]
    assert codes[2] == 429
    assert Listing.objects.count() == 2
    assert client.get("/vraag-en-aanbod/nieuw/").status_code == 200  # reading is never counted


@pytest.mark.django_db
def test_a_member_cannot_flood_the_group_with_urgent_notices(resident, client_for, settings):
    settings.POST_RATE_LIMITS = {**settings.POST_RATE_LIMITS, "notice": "3/h"}
    membership = MembershipFactory(user=resident)
    client = client_for(resident)
    url = membership.group.get_absolute_url()
    codes = [
        client.post(url, {"level": "urgent", "text": f"Spoed {n}", "street": ""}).status_code
        for n in range(30)
    ]
    assert codes.count(429) == 27
    assert Notice.objects.count() == 3
    assert "te vaak" in client.post(url, {"level": "urgent", "text": "nog een"}).content.decode()


@pytest.mark.django_db
def test_limits_stay_open_when_the_cache_is_unreachable(resident, client_for, settings):
    settings.POST_RATE_LIMITS = {**settings.POST_RATE_LIMITS, "listing": "1/m"}
    broken = {"BACKEND": "ops.cache.ForgivingRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    settings.CACHES = {**settings.CACHES, "default": broken, "ratelimit": broken}
    client = client_for(resident)
    codes = [
        client.post("/vraag-en-aanbod/nieuw/", {**LISTING_FORM, "title": f"Heg {n}"}).status_code
        for n in range(2)
    ]
    assert codes == [302, 302]


def _valid_post(kind: str) -> dict:
    """A post of `kind` that goes through (the view redirects)."""
    from tests.activities.test_posting import form_data
    from tests.stories.test_submission import STORY_TEXT

    return {
        "activity": lambda: form_data(),
        "story": lambda: {
            "title": "Samen koken met de buren",
            "text": STORY_TEXT,
            "publication_consent": "on",
        },
        "response": lambda: {"text": "Ik kan zaterdag helpen met de heg."},
        "message": lambda: {"text": "Zaterdag om tien uur past mij goed."},
    }[kind]()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "url"),
    [
        ("activity", "/agenda/nieuw/"),
        ("story", "/verhalen/insturen/"),
        ("response", "/vraag-en-aanbod/{listing}/reageren/"),
        ("message", "/berichten/{conversation}/"),
    ],
)
def test_every_kind_of_post_is_limited(kind, url, resident, client_for, settings):
    from tests.stories.factories import story_index

    story_index()
    settings.POST_RATE_LIMITS = {**settings.POST_RATE_LIMITS, kind: "1/h"}
    conversation = ConversationFactory(response__responder=resident)
    url = url.format(listing=ListingFactory().pk, conversation=conversation.pk)
    client = client_for(resident)
    first = client.post(url, _valid_post(kind))
    second = client.post(url, _valid_post(kind))
    assert first.status_code == 302
    assert second.status_code == 429 and "te vaak" in second.content.decode()


@pytest.mark.django_db
def test_a_form_sent_back_with_a_mistake_is_forgiven_a_few_times_but_a_flood_is_not(
    resident, client_for, settings
):
    settings.POST_RATE_LIMITS = {**settings.POST_RATE_LIMITS, "listing": "2/h"}  # and 6 tries
    client = client_for(resident)
    for _try in range(3):
        assert client.post("/vraag-en-aanbod/nieuw/", {**LISTING_FORM, "title": ""}).status_code == 400
    assert client.post("/vraag-en-aanbod/nieuw/", LISTING_FORM).status_code == 302
    codes = [
        client.post("/vraag-en-aanbod/nieuw/", {**LISTING_FORM, "title": ""}).status_code for _ in range(4)
    ]
    assert codes == [400, 400, 429, 429]
    assert Listing.objects.count() == 1


@pytest.mark.django_db
def test_posts_sent_at_the_same_moment_cannot_slip_past_the_limit(settings):
    """Each post is counted before its view runs: posts that overlap see each other."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponseRedirect
    from django.test import RequestFactory

    from core.ratelimit import limit_posts

    settings.POST_RATE_LIMITS = {**settings.POST_RATE_LIMITS, "story": "1/h"}  # and 3 tries
    codes = []

    def new_post():
        made = RequestFactory().post("/verhalen/insturen/", {"text": "Een verhaal"}, REMOTE_ADDR="10.0.0.1")
        made.user = AnonymousUser()
        return made

    @limit_posts("story")
    def view(request, depth=0):
        if depth < 5:  # the next post arrives while this one is still being handled
            codes.append(view(new_post(), depth + 1).status_code)
        return HttpResponseRedirect("/klaar/")

    codes.append(view(new_post()).status_code)
    assert sorted(codes) == [302, 302, 302, 429]  # three tries for a rate of one; the fourth is refused


@pytest.mark.django_db
def test_the_429_page_says_when_it_works_again_and_shows_what_was_written(resident, client_for, settings):
    settings.POST_RATE_LIMITS = {**settings.POST_RATE_LIMITS, "listing": "1/h"}
    client = client_for(resident)
    client.post("/vraag-en-aanbod/nieuw/", LISTING_FORM)
    text = "Wie helpt mij zaterdag <b>met</b> de heg?"
    page = client.post("/vraag-en-aanbod/nieuw/", {**LISTING_FORM, "title": "Heg knippen", "text": text})
    html = page.content.decode()
    assert page.status_code == 429
    assert re.search(r"Over \d+\s(uur|minuut|minuten)(, \d+\s(minuut|minuten))? kan het weer\.", html)
    shown = re.findall(r'<blockquote class="written">(.*?)</blockquote>', html, re.S)
    assert shown == ["Heg knippen", text.replace("<", "&lt;").replace(">", "&gt;")]  # no token, no choices
    assert Listing.objects.count() == 1
    one_word = client.post("/vraag-en-aanbod/nieuw/", {**LISTING_FORM, "title": "Heg", "text": "Dringend!"})
    shown = re.findall(r'<blockquote class="written">(.*?)</blockquote>', one_word.content.decode(), re.S)
    assert shown == ["Heg", "Dringend!"]  # one word typed is kept too


@pytest.mark.django_db
def test_story_of_a_suspended_account_is_hidden_but_for_moderators(resident, moderator, client, client_for):
    from accounts.services import suspend_user
    from tests.stories.factories import make_story

    story = make_story(title="Verhaal van Fatma", submitted_by=resident, with_image=False)
    assert client.get(story.url).status_code == 200
    suspend_user(user=resident, reason="Misbruik")
    assert client.get(story.url).status_code == 404
    assert "Verhaal van Fatma" not in client.get("/verhalen/").content.decode()
    assert client_for(moderator).get(story.url).status_code == 200

"""A report button on everything reportable; only who may see a thing may report it, once."""

import pytest

from moderation.models import Report
from tests.activities.factories import ActivityFactory
from tests.marketplace.factories import ConversationFactory, ListingFactory, MessageFactory
from tests.notices.factories import MembershipFactory, NoticeFactory
from tests.stories.factories import make_story


@pytest.mark.django_db
def test_every_reportable_page_has_a_report_button(resident, other_resident, client_for):
    listing = ListingFactory(owner=other_resident)
    activity = ActivityFactory(owner=other_resident)
    story = make_story(with_image=False)
    membership = MembershipFactory(user=resident)
    notice = NoticeFactory(group=membership.group, author=other_resident)
    conversation = ConversationFactory(response__listing=listing, response__responder=resident)
    message = MessageFactory(conversation=conversation, author=other_resident)
    client = client_for(resident)
    pages = {
        listing.get_absolute_url(): f"/moderatie/melden/listing/{listing.pk}/",
        activity.get_absolute_url(): f"/moderatie/melden/activity/{activity.pk}/",
        story.url: f"/moderatie/melden/story/{story.pk}/",
        membership.group.get_absolute_url(): f"/moderatie/melden/notice/{notice.pk}/",
        conversation.get_absolute_url(): f"/moderatie/melden/message/{message.pk}/",
    }
    for page, link in pages.items():
        html = client.get(page).content.decode()
        assert link in html, page
        form = client.get(link)
        assert form.status_code == 200 and "Wat is er mis?" in form.content.decode()


@pytest.mark.django_db
def test_one_open_report_per_person_per_thing(resident, client_for):
    listing = ListingFactory()
    client = client_for(resident)
    client.post(f"/moderatie/melden/listing/{listing.pk}/", {"reason": "spam"})
    again = client.post(f"/moderatie/melden/listing/{listing.pk}/", {"reason": "grof"}, follow=True)
    assert "U heeft dit al gemeld" in again.content.decode()
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_non_member_cannot_report_a_notice(resident, other_resident, client_for):
    notice = NoticeFactory(author=other_resident)
    client = client_for(resident)
    assert client.get(f"/moderatie/melden/notice/{notice.pk}/").status_code == 404
    assert client.post(f"/moderatie/melden/notice/{notice.pk}/", {"reason": "grof"}).status_code == 404
    MembershipFactory(user=resident, group=notice.group, status="aangevraagd")  # asked, not approved
    assert client.post(f"/moderatie/melden/notice/{notice.pk}/", {"reason": "grof"}).status_code == 404
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_outsider_cannot_report_a_private_message_or_a_draft(resident, other_resident, client_for):
    message = MessageFactory()
    waiting = ActivityFactory(owner=other_resident, status="pending")
    draft = make_story(publish=False, with_image=False)
    client = client_for(resident)
    for kind, pk in (("message", message.pk), ("activity", waiting.pk), ("story", draft.pk), ("iets", 1)):
        assert client.post(f"/moderatie/melden/{kind}/{pk}/", {"reason": "spam"}).status_code == 404
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_report_with_a_too_long_note_is_refused_in_dutch(resident, client_for):
    listing = ListingFactory()
    response = client_for(resident).post(
        f"/moderatie/melden/listing/{listing.pk}/", {"reason": "spam", "note": "x" * 301}
    )
    assert response.status_code == 400 and "hooguit 300 tekens" in response.content.decode()
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_reports_are_limited_per_account(resident, client_for, settings):
    settings.POST_RATE_LIMITS = {**settings.POST_RATE_LIMITS, "report": "2/h"}
    client = client_for(resident)
    statuses = []
    for listing in ListingFactory.create_batch(3):
        statuses.append(
            client.post(f"/moderatie/melden/listing/{listing.pk}/", {"reason": "spam"}).status_code
        )
    assert statuses[:2] == [302, 302]
    assert statuses[2] == 429
    assert Report.objects.count() == 2

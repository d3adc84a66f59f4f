"""Deleting an account keeps other people's words and removes one's own."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model

from accounts.models import User
from activities.models import Activity
from marketplace import services as marketplace
from marketplace.models import Listing, Message, Status
from notifications.models import Notification
from notifications.services import notify
from stories.models import StoryPage
from stories.services import submit_story
from tests.activities.factories import ActivityFactory
from tests.marketplace.factories import ListingFactory
from tests.pages import html_of
from tests.stories.factories import image_bytes, story_index

pytestmark = pytest.mark.django_db


def delete(client, user, posts="verwijderen"):
    response = client.post("/mijn/verwijderen/", {"confirm_email": user.email, "posts": posts})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()


def conversation_between(owner, responder):
    listing = ListingFactory(owner=owner, title="Wie helpt met mijn tuin?")
    conversation = marketplace.respond(listing=listing, responder=responder, text="Ik help graag, zaterdag?")
    marketplace.send_message(conversation=conversation, author=owner, text="Zaterdag is goed, om tien uur.")
    marketplace.send_message(conversation=conversation, author=responder, text="Tot zaterdag!")
    return conversation


def test_the_other_person_still_reads_the_whole_conversation(client_for, resident, volunteer):
    conversation = conversation_between(resident, volunteer)
    delete(client_for(volunteer), volunteer)
    html = html_of(client_for(resident).get(conversation.get_absolute_url()))
    for text in ("Ik help graag, zaterdag?", "Zaterdag is goed, om tien uur.", "Tot zaterdag!"):
        assert text in html
    assert "oud-lid" in html and "Henk" not in html


def test_owner_leaves_the_responder_keeps_the_conversation(client_for, resident, volunteer):
    conversation = conversation_between(resident, volunteer)
    lonely = ListingFactory(owner=resident, title="Wie leent mij een ladder?")
    delete(client_for(resident), resident)
    html = client_for(volunteer).get(conversation.get_absolute_url()).content.decode()
    assert "Zaterdag is goed, om tien uur." in html and "Tot zaterdag!" in html
    listing = Listing.objects.get(pk=conversation.response.listing_id)
    assert listing.status == Status.CLOSED and listing.text == "" and listing.owner.public_name == "oud-lid"
    assert not Listing.objects.filter(pk=lonely.pk).exists()
    assert Message.objects.filter(conversation=conversation).count() == 3
    assert not listing.owner.is_active and not listing.owner.has_usable_password()


def _story_with_photo(resident):
    index = story_index()
    photo = SimpleUploadedFile("buren.png", image_bytes(), content_type="image/png")
    story = submit_story(
        author=resident,
        index=index,
        title="Samen koken met de buren",
        text="Vorige week kookten we met tien buren in Ons Huis van de Wijk. Iedereen nam iets mee.",
        photo=photo,
        photo_alt="Tien buren",
        publication_consent=True,
        photo_consent=True,
    )
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def test_removing_stories_and_activities_and_what_points_at_them(
    client, client_for, resident, other_resident
):
    story = _story_with_photo(resident)
    activity = ActivityFactory(owner=resident, organisation=None, title="Breiclub bij Fatma")
    story_url, activity_url = story.url, activity.get_absolute_url()
    notify(user=other_resident, kind="story_published", text="Nieuw verhaal", url=story_url)
    notify(user=other_resident, kind="activity_approved", text="Nieuwe activiteit", url=activity_url)
    delete(client_for(resident), resident, posts="verwijderen")
    assert not StoryPage.objects.filter(pk=story.pk).exists()
    assert not Activity.objects.filter(pk=activity.pk).exists()
    assert not get_image_model().objects.exists()
    assert client.get(story_url).status_code == 404
    assert not Notification.objects.filter(url__in=[story_url, activity_url]).exists()


def test_keeping_stories_and_activities_without_the_name(client, client_for, resident):
    story = _story_with_photo(resident)
    activity = ActivityFactory(owner=resident, organisation=None, title="Breiclub bij de buren")
    delete(client_for(resident), resident, posts="bewaren")
    story.refresh_from_db()
    assert story.live and story.author_name == "Een buurtbewoner" and story.submitted_by is None
    assert story.hero_image is None and not get_image_model().objects.exists()
    assert all("Fatma" not in str(revision.content) for revision in story.revisions.all())
    page = client.get(story.url).content.decode()
    assert "Een buurtbewoner" in page and "Fatma" not in page
    activity.refresh_from_db()
    assert activity.owner is None


def test_delete_page_says_what_will_happen(client_for, resident):
    html = client_for(resident).get("/mijn/verwijderen/").content.decode()
    assert "oud-lid" in html and "Een buurtbewoner" in html
    assert 'name="posts"' in html

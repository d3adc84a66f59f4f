"""The one queue: what waits, what was reported, every decision kept and told to the author."""

import pytest

from activities.models import Activity
from moderation.models import Decision, Report
from notices.models import Notice
from notifications.models import Notification
from tests.activities.factories import ActivityFactory
from tests.factories import UserFactory
from tests.marketplace.factories import ListingFactory
from tests.notices.factories import MembershipFactory, NoticeFactory
from tests.stories.factories import make_story


def decide(client, kind, pk, action, reason=""):
    return client.post(f"/moderatie/{kind}/{pk}/besluit/", {"action": action, "reason": reason})


@pytest.mark.django_db
def test_queue_lists_first_posts_of_every_kind(moderator, resident, client_for):
    ListingFactory(owner=resident, title="Wie helpt met de heg?", is_pending=True)
    ActivityFactory(owner=resident, title="Buurtbingo bij mij", status=Activity.Status.PENDING)
    story = make_story(publish=False, title="Mijn eerste jaar", submitted_by=resident, with_image=False)
    page = client_for(moderator).get("/moderatie/").content.decode()
    assert "Wie helpt met de heg?" in page
    assert "Buurtbingo bij mij" in page  # a resident's activity waits in the queue
    assert "Mijn eerste jaar" in page and f"/admin/pages/{story.pk}/edit/" in page
    assert "Er wachten 3 dingen" in page


@pytest.mark.django_db
def test_queue_shows_reports_first_then_first_posts_each_oldest_first_as_it_says(
    moderator, resident, other_resident, client_for
):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    ListingFactory(
        owner=resident, title="Oude eerste vraag", is_pending=True, created_at=now - timedelta(hours=3)
    )
    ListingFactory(
        owner=resident, title="Nieuwe eerste vraag", is_pending=True, created_at=now - timedelta(hours=1)
    )
    for title, minutes in (("Later gemeld", 10), ("Eerder gemeld", 50)):
        listing = ListingFactory(owner=other_resident, title=title)
        Report.objects.create(
            kind="listing",
            object_id=listing.pk,
            reporter=resident,
            reason="spam",
            created_at=now - timedelta(minutes=minutes),
        )
    page = client_for(moderator).get("/moderatie/").content.decode()
    assert "Eerst wat iemand meldde, daarna wat wacht op goedkeuring." in page
    order = ["Eerder gemeld", "Later gemeld", "Oude eerste vraag", "Nieuwe eerste vraag"]
    assert sorted(order, key=page.index) == order


@pytest.mark.django_db
def test_resident_activity_waits_then_approved_and_author_told(moderator, resident, client, client_for):
    activity = ActivityFactory(owner=resident, title="Buurtbingo", status=Activity.Status.PENDING)
    assert client.get(activity.get_absolute_url()).status_code == 404
    assert decide(client_for(moderator), "activity", activity.pk, "approve").status_code == 302
    activity.refresh_from_db()
    assert activity.status == Activity.Status.PUBLISHED
    assert client.get(activity.get_absolute_url()).status_code == 200
    assert (
        Notification.objects.get(user=resident, kind="moderation_decision").url == activity.get_absolute_url()
    )
    decision = Decision.objects.get()
    assert (decision.action, decision.by, decision.subject) == ("approve", moderator, resident)


@pytest.mark.django_db
def test_ask_for_changes_keeps_it_waiting_and_tells_the_author_what(moderator, resident, client_for):
    activity = ActivityFactory(owner=resident, title="Buurtbingo", status=Activity.Status.PENDING)
    decide(client_for(moderator), "activity", activity.pk, "request_changes", "Zet er een tijd bij.")
    activity.refresh_from_db()
    assert activity.status == Activity.Status.PENDING
    told = Notification.objects.get(user=resident, kind="moderation_decision")
    assert "Zet er een tijd bij." in told.text
    page = client_for(resident).get(activity.get_absolute_url()).content.decode()
    assert "De moderator vraagt u iets aan te passen" in page and "Zet er een tijd bij." in page
    item = client_for(moderator).get(f"/moderatie/activity/{activity.pk}/").content.decode()
    assert "Aanpassing gevraagd" in item and "Zet er een tijd bij." in item and "Ingrid" in item


@pytest.mark.django_db
def test_hide_needs_a_reason_the_author_reads(moderator, resident, client_for):
    listing = ListingFactory(owner=resident, title="Te koop")
    response = decide(client_for(moderator), "listing", listing.pk, "hide", "  ")
    assert response.status_code == 400
    assert "Schrijf een reden" in response.content.decode()
    listing.refresh_from_db()
    assert not listing.is_hidden and not Decision.objects.exists()


@pytest.mark.django_db
def test_after_a_missing_reason_the_decision_returns_to_the_queue(moderator, resident, client_for):
    listing = ListingFactory(owner=resident, title="Te koop")
    client = client_for(moderator)
    url = f"/moderatie/listing/{listing.pk}/besluit/"
    again = client.post(url, {"action": "hide", "reason": "", "next": "/moderatie/"}).content.decode()
    assert '<input type="hidden" name="next" value="/moderatie/">' in again
    done = client.post(url, {"action": "hide", "reason": "Vraagt om geld", "next": "/moderatie/"})
    assert done.status_code == 302 and done["Location"] == "/moderatie/"
    alone = client.post(url, {"action": "unhide", "reason": "x", "next": "https://elders.example/"})
    assert alone["Location"] == "/moderatie/"


@pytest.mark.django_db
def test_unknown_or_unfitting_decision_is_refused(moderator, client_for):
    listing = ListingFactory(title="Gewoon open")
    client = client_for(moderator)
    assert decide(client, "listing", listing.pk, "verwijderen").status_code == 400
    unfit = decide(client, "listing", listing.pk, "unhide")  # it is not hidden
    assert unfit.status_code == 400 and "past niet" in unfit.content.decode()
    assert decide(client, "listing", listing.pk, "dismiss").status_code == 400  # no open report
    assert client.get("/moderatie/onbekend/1/").status_code == 404
    assert not Decision.objects.exists()


@pytest.mark.django_db
def test_unhide_brings_a_listing_back_and_history_shows_both(moderator, resident, client, client_for):
    listing = ListingFactory(owner=resident, title="Gras maaien")
    mod = client_for(moderator)
    decide(mod, "listing", listing.pk, "hide", "Per ongeluk")
    decide(mod, "listing", listing.pk, "unhide")
    listing.refresh_from_db()
    assert listing.status == "open" and listing.moderation_note == ""
    assert client.get(listing.get_absolute_url()).status_code == 200
    assert list(Decision.objects.values_list("action", flat=True)) == ["unhide", "hide"]
    page = mod.get("/moderatie/").content.decode()
    assert "Laatste besluiten" in page and "Weer zichtbaar" in page


@pytest.mark.django_db
def test_reported_activity_notice_and_story_can_be_hidden(moderator, resident, other_resident, client_for):
    activity = ActivityFactory(owner=other_resident, title="Verdacht feest")
    membership = MembershipFactory(user=resident)
    notice = NoticeFactory(group=membership.group, author=other_resident, text="Scheldwoorden")
    story = make_story(title="Een verhaal", submitted_by=other_resident, with_image=False)
    reporter = client_for(resident)
    for kind, pk in (("activity", activity.pk), ("notice", notice.pk), ("story", story.pk)):
        assert reporter.post(f"/moderatie/melden/{kind}/{pk}/", {"reason": "grof"}).status_code == 302
    assert Report.objects.open().count() == 3
    queue = client_for(moderator).get("/moderatie/").content.decode()
    assert "Verdacht feest" in queue and "Scheldwoorden" in queue and "Een verhaal" in queue
    mod = client_for(moderator)
    for kind, pk in (("activity", activity.pk), ("notice", notice.pk), ("story", story.pk)):
        assert decide(mod, kind, pk, "hide", "Dit mag niet.").status_code == 302
    activity.refresh_from_db()
    story.refresh_from_db()
    assert activity.status == Activity.Status.HIDDEN
    assert Notice.objects.get(pk=notice.pk).is_hidden
    assert not story.live
    assert not Report.objects.open().exists()
    assert Notification.objects.filter(user=other_resident, kind="moderation_decision").count() == 3
    links = set(
        Notification.objects.filter(user=other_resident, kind="moderation_decision").values_list(
            "url", flat=True
        )
    )
    assert links == {
        activity.get_absolute_url(),
        "",
    }  # the notice's group and a hidden story are not theirs to open
    # A hidden activity is gone from the agenda but its owner still reads why.
    assert client_for(resident).get(activity.get_absolute_url()).status_code == 404
    owner_page = client_for(other_resident).get(activity.get_absolute_url()).content.decode()
    assert "Dit mag niet." in owner_page


@pytest.mark.django_db
def test_moderators_are_told_once_while_their_notification_is_unread(moderator, resident, client_for):
    other_moderator = UserFactory(roles=["moderator"])
    ListingFactory(owner=resident, title="Eerste", is_pending=True)
    ListingFactory(owner=resident, title="Tweede", is_pending=True)
    for person in (moderator, other_moderator):
        told = Notification.objects.filter(user=person, kind="moderation_queue")
        assert told.count() == 1 and told.get().url == "/moderatie/"
    assert not Notification.objects.filter(user=resident, kind="moderation_queue").exists()
    Notification.objects.filter(user=moderator).update(read_at="2026-01-01T00:00:00Z")
    ListingFactory(owner=resident, title="Derde", is_pending=True)
    assert Notification.objects.filter(user=moderator, kind="moderation_queue").count() == 2
    assert Notification.objects.filter(user=other_moderator, kind="moderation_queue").count() == 1


@pytest.mark.django_db
def test_a_report_tells_the_moderators(moderator, resident, client_for):
    listing = ListingFactory(title="Iets raars")
    client_for(resident).post(f"/moderatie/melden/listing/{listing.pk}/", {"reason": "spam"})
    told = Notification.objects.get(user=moderator, kind="moderation_queue")
    assert "Iets raars" in told.text


@pytest.mark.django_db
def test_queue_query_count_does_not_grow_with_items(moderator, client_for, django_assert_max_num_queries):
    client = client_for(moderator)
    for n in range(3):
        listing = ListingFactory(title=f"Melding {n}")
        Report.objects.create(kind="listing", object_id=listing.pk, reporter=UserFactory(), reason="spam")
        ActivityFactory(status=Activity.Status.PENDING, owner=UserFactory())
    client.get("/moderatie/")
    with django_assert_max_num_queries(40) as few:
        client.get("/moderatie/")
    for n in range(6):
        listing = ListingFactory(title=f"Meer {n}")
        Report.objects.create(kind="listing", object_id=listing.pk, reporter=UserFactory(), reason="spam")
        ActivityFactory(status=Activity.Status.PENDING, owner=UserFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/moderatie/")
    assert "Meer 5" in page.content.decode()


@pytest.mark.django_db
def test_admin_menu_leads_moderators_to_the_queue(moderator, editor, client_for):
    assert "/moderatie/" in client_for(moderator).get("/admin/").content.decode()
    assert "/moderatie/" not in client_for(editor).get("/admin/").content.decode()


@pytest.mark.django_db
def test_owner_changes_a_waiting_listing_after_a_request(moderator, resident, other_resident, client_for):
    listing = ListingFactory(owner=resident, title="Heg", is_pending=True)
    decide(client_for(moderator), "listing", listing.pk, "request_changes", "Welke dag?")
    form = {
        "kind": "vraag",
        "category": "tuin",
        "title": "Heg knippen op zaterdag",
        "text": "",
        "when": "weekend",
        "area": "heel",
    }
    assert (
        client_for(other_resident).post(f"/vraag-en-aanbod/{listing.pk}/wijzigen/", form).status_code == 404
    )
    assert client_for(resident).post(f"/vraag-en-aanbod/{listing.pk}/wijzigen/", form).status_code == 302
    listing.refresh_from_db()
    assert listing.title == "Heg knippen op zaterdag" and listing.is_pending and listing.moderation_note == ""
    assert "Heg knippen op zaterdag" in client_for(moderator).get("/moderatie/").content.decode()


@pytest.mark.django_db
def test_submitted_story_waits_until_the_editors_reject_or_publish_it(
    moderator, resident, editor, client_for
):
    from stories.services import submit_story
    from tests.stories.factories import story_index

    story = submit_story(
        author=resident,
        index=story_index(),
        title="Mijn straat",
        text="Het is hier fijn.",
        publication_consent=True,
    )
    assert "Mijn straat" in client_for(moderator).get("/moderatie/").content.decode()
    state = story.current_workflow_state
    assert state is not None  # the editors' workflow runs
    state.status = state.STATUS_NEEDS_CHANGES  # the editors send it back: it leaves the queue
    state.save(update_fields=["status"])
    assert "Mijn straat" not in client_for(moderator).get("/moderatie/").content.decode()


@pytest.mark.django_db
def test_queue_shows_one_kind_and_explains_an_unknown_one(moderator, resident, client_for):
    ListingFactory(owner=resident, title="Wie helpt met de heg?", is_pending=True)
    ActivityFactory(owner=resident, title="Buurtbingo bij mij", status=Activity.Status.PENDING)
    client = client_for(moderator)
    only_activities = client.get("/moderatie/?soort=activity").content.decode()
    assert "Buurtbingo bij mij" in only_activities and "Wie helpt met de heg?" not in only_activities
    unknown = client.get("/moderatie/?soort=iets").content.decode()
    assert "Deze soort kennen we niet" in unknown and "Wie helpt met de heg?" in unknown


@pytest.mark.django_db
def test_the_menu_leads_moderators_to_the_queue(moderator, resident, client_for):
    link = 'class="site-menu__link" href="/moderatie/"'
    assert link in client_for(moderator).get("/agenda/").content.decode()
    assert link not in client_for(resident).get("/agenda/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["story", "listing", "message", "activity", "notice"])
def test_huge_ids_are_not_found_not_errors(moderator, resident, client_for, kind):
    huge = 99999999999999999999
    assert client_for(resident).get(f"/moderatie/melden/{kind}/{huge}/").status_code == 404
    assert client_for(moderator).get(f"/moderatie/{kind}/{huge}/").status_code == 404
    assert decide(client_for(moderator), kind, huge, "hide", "weg").status_code == 404

"""Only what an anonymous visitor may see is ever returned, for every type, in results and suggestions."""

import pytest
from django.core.management import call_command

from activities.models import Activity
from marketplace.models import Status
from notifications.models import Notification
from search.models import SearchEntry
from search.sources import available_sources
from tests.activities.factories import ActivityFactory
from tests.factories import UserFactory
from tests.marketplace.factories import ListingFactory, MessageFactory
from tests.stories.factories import make_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the block and its on-commit callbacks, as a request would."""

    def run(make):
        with django_capture_on_commit_callbacks(execute=True):
            return make()

    return run


def found(client, word: str) -> list[str]:
    response = client.get("/zoeken/", {"q": word})
    assert response.status_code == 200
    return [hit.title for hit in response.context["results"].hits] if response.context["results"] else []


def suggested(client, prefix: str) -> list[str]:
    return [item["text"] for item in client.get("/zoeken/suggesties/", {"q": prefix}).json()["suggestions"]]


def test_published_activity_is_found_and_pending_or_draft_is_not(client, committed):
    committed(lambda: ActivityFactory(title="Zwemmen voor ouderen", summary="Zwemmen in het Golfbad."))
    committed(lambda: ActivityFactory(title="Pottenbakken", summary="Klei.", status=Activity.Status.PENDING))
    committed(
        lambda: ActivityFactory(title="Pottenbakken concept", summary="Klei.", status=Activity.Status.DRAFT)
    )
    assert found(client, "zwemmen") == ["Zwemmen voor ouderen"]
    assert found(client, "pottenbakken") == []
    assert suggested(client, "potten") == []
    call_command("rebuild_search_index", "--no-progress")
    assert found(client, "pottenbakken") == []


def test_activity_leaves_results_when_it_is_no_longer_published(client, committed):
    activity = committed(lambda: ActivityFactory(title="Breiclub", summary="Samen breien."))
    assert found(client, "breiclub") == ["Breiclub"]

    def unpublish():
        activity.status = Activity.Status.PENDING
        activity.save()

    committed(unpublish)
    assert found(client, "breiclub") == []
    assert not SearchEntry.objects.filter(title="Breiclub").exists()


def test_walk_in_hour_is_grouped_as_inloopspreekuur(client, committed):
    committed(
        lambda: ActivityFactory(
            title="Spreekuur schuldhulp", kind=Activity.Kind.WALK_IN, topic="Geldzaken", category="geldzaken"
        )
    )
    response = client.get("/zoeken/", {"q": "schuldhulp"})
    groups = response.context["groups"]
    assert [(g["type"], [h.title for h in g["hits"]]) for g in groups] == [
        ("walk_in", ["Spreekuur schuldhulp"])
    ]
    assert "Inloopspreekuren" in response.content.decode()


def test_hidden_pending_or_closed_listing_is_never_found(client, committed):
    committed(lambda: ListingFactory(title="Hulp bij behangen", text="Wie helpt met behangen?"))
    committed(lambda: ListingFactory(title="Verborgen behangen", text="Behangen", status=Status.HIDDEN))
    committed(lambda: ListingFactory(title="Wachtend behangen", text="Behangen", is_pending=True))
    assert found(client, "behangen") == ["Hulp bij behangen"]
    assert suggested(client, "verborgen") == [] and suggested(client, "wachtend") == []


def test_listing_hidden_by_a_moderator_leaves_results(client, committed):
    listing = committed(lambda: ListingFactory(title="Gratis kinderfiets", text="Een kinderfiets."))
    assert found(client, "kinderfiets") == ["Gratis kinderfiets"]

    def hide():
        listing.status = Status.HIDDEN
        listing.save()

    committed(hide)
    assert found(client, "kinderfiets") == []


def test_draft_story_is_never_found_and_published_story_is(client, committed):
    committed(lambda: make_story(title="Mijn moestuin", intro="Over tomaten.", with_image=False))
    committed(
        lambda: make_story(title="Geheim concept", intro="Over tomaten.", publish=False, with_image=False)
    )
    assert found(client, "tomaten") == ["Mijn moestuin"]
    assert suggested(client, "geheim") == []
    call_command("rebuild_search_index", "--no-progress")
    assert found(client, "tomaten") == ["Mijn moestuin"]


def test_unpublished_story_leaves_results(client, committed):
    story = committed(lambda: make_story(title="Buurtfeest verslag", intro="Springkussen.", with_image=False))
    assert found(client, "springkussen") == ["Buurtfeest verslag"]
    committed(lambda: story.unpublish())
    assert found(client, "springkussen") == []


def test_notifications_and_private_messages_are_never_searchable(client, committed):
    user = UserFactory()
    committed(lambda: Notification.objects.create(user=user, text="Zeldzaamwoord melding", url="/x/"))
    committed(lambda: MessageFactory(text="Zeldzaamwoord in een gesprek"))
    call_command("rebuild_search_index", "--no-progress")
    assert found(client, "zeldzaamwoord") == []
    assert suggested(client, "zeldzaam") == []
    assert not SearchEntry.objects.filter(text__icontains="zeldzaamwoord").exists()


def test_only_public_content_types_are_sources():
    labels = {source.label for source in available_sources()}
    assert labels == {
        "activities.activity",
        "marketplace.listing",
        "stories.storypage",
        "organisations.organisation",
    }


def test_results_show_kind_of_listing_and_writer_of_story(client, committed):
    committed(lambda: ListingFactory(title="Samen naar de markt", text="Wie gaat mee?", kind="vraag"))
    committed(
        lambda: make_story(title="Markt op zaterdag", intro="De markt.", author_name="Ria", with_image=False)
    )
    html = client.get("/zoeken/", {"q": "markt"}).content.decode()
    assert "Vraag" in html
    assert "Verteld door Ria" in html


def test_counts_leave_out_what_became_invisible_without_a_signal(client, committed):
    listing = committed(lambda: ListingFactory(title="Naaimachine te leen", text="Naaimachine."))
    type(listing).objects.filter(pk=listing.pk).update(status=Status.HIDDEN)  # no signal
    response = client.get("/zoeken/", {"q": "naaimachine"})
    assert response.context["results"].hits == []
    assert response.context["results"].type_counts == {}


def test_deleted_story_and_activity_leave_the_index(client, committed):
    story = committed(
        lambda: make_story(title="Oude foto's", intro="Fotoboek van de wijk.", with_image=False)
    )
    activity = committed(lambda: ActivityFactory(title="Fotoclub", summary="Fotoboek maken."))
    assert sorted(found(client, "fotoboek")) == ["Fotoclub", "Oude foto's"]
    committed(lambda: story.delete())
    committed(lambda: activity.delete())
    assert found(client, "fotoboek") == []
    assert not SearchEntry.objects.filter(title__in=["Fotoclub", "Oude foto's"]).exists()


def test_results_are_grouped_by_type_in_a_fixed_order_with_counts(client, committed):
    committed(lambda: ActivityFactory(title="Muziekmiddag", summary="Gitaar."))
    committed(lambda: ActivityFactory(title="Gitaarles", summary="Gitaar.", kind=Activity.Kind.WALK_IN))
    committed(lambda: ListingFactory(title="Gitaar te leen", text="Een gitaar."))
    committed(lambda: make_story(title="Mijn gitaar", intro="Over mijn gitaar.", with_image=False))
    committed(lambda: ActivityFactory(title="Nog een muziekmiddag", summary="Gitaar."))
    response = client.get("/zoeken/", {"q": "gitaar"})
    groups = [(g["label"], g["count"]) for g in response.context["groups"]]
    assert [(str(label), count) for label, count in groups] == [
        ("Activiteiten", 2),
        ("Inloopspreekuren", 1),
        ("Vraag en aanbod", 1),
        ("Verhalen", 1),
    ]
    only_stories = client.get("/zoeken/", {"q": "gitaar", "soort": "story"})
    assert [h.title for h in only_stories.context["results"].hits] == ["Mijn gitaar"]
    assert only_stories.context["results"].type_counts["activity"] == 2

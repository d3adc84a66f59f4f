"""Closing the loop: "Is het gelukt?" a week after a match; unanswered vragen shown again."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from marketplace import selectors, services
from marketplace.models import FollowUp, Listing
from notifications.models import Notification

from .factories import ConversationFactory, ListingFactory

AMS = ZoneInfo("Europe/Amsterdam")


def _agreed_on_2_march(*, owner, responder, title):
    """A conversation about `owner`'s listing, agreed with `responder` on 2 March 2026."""
    with time_machine.travel("2026-03-02 10:00 +0100", tick=False):
        conversation = ConversationFactory(
            response__listing=ListingFactory(owner=owner, title=title), response__responder=responder
        )
        services.accept_response(response=conversation.response, by=owner)
    return conversation


@pytest.mark.django_db
def test_is_het_gelukt_a_week_after_the_match(resident, volunteer, client_for):
    _agreed_on_2_march(owner=resident, responder=volunteer, title="Boodschappen")
    with time_machine.travel("2026-03-09 09:00 +0100", tick=False):
        assert services.send_follow_ups() == 0  # not a full week yet
    with time_machine.travel("2026-03-09 10:30 +0100", tick=False):
        assert services.send_follow_ups() == 2
        assert services.send_follow_ups() == 0  # asked once
        asked = FollowUp.objects.order_by("user_id")
        assert {f.user for f in asked} == {resident, volunteer}
        for user in (resident, volunteer):
            note = Notification.objects.filter(user=user).latest("id")
            assert note.text == "Is het gelukt? Boodschappen"
            follow_up = FollowUp.objects.get(user=user)
            assert note.url == f"/vraag-en-aanbod/gelukt/{follow_up.pk}/"
            assert "Boodschappen" in client_for(user).get("/mijn/").content.decode()

        mine = FollowUp.objects.get(user=resident)
        page = client_for(resident).get(f"/vraag-en-aanbod/gelukt/{mine.pk}/").content.decode()
        assert "Ja, het is gelukt" in page and "Nog niet" in page
        assert client_for(volunteer).get(f"/vraag-en-aanbod/gelukt/{mine.pk}/").status_code == 404
        assert (
            client_for(resident)
            .post(f"/vraag-en-aanbod/gelukt/{mine.pk}/", {"answer": "misschien"})
            .status_code
            == 400
        )
        client_for(resident).post(f"/vraag-en-aanbod/gelukt/{mine.pk}/", {"answer": "ja"})
        theirs = FollowUp.objects.get(user=volunteer)
        client_for(volunteer).post(f"/vraag-en-aanbod/gelukt/{theirs.pk}/", {"answer": "nog_niet"})

    counts = selectors.outcome_counts(
        start=datetime(2026, 3, 1, tzinfo=AMS), end=datetime(2026, 4, 1, tzinfo=AMS)
    )
    assert counts == {"ja": 1, "nog_niet": 1, "nee": 0, "matches": 1}
    later = selectors.outcome_counts(
        start=datetime(2026, 4, 1, tzinfo=AMS), end=datetime(2026, 5, 1, tzinfo=AMS)
    )
    assert later == {"ja": 0, "nog_niet": 0, "nee": 0, "matches": 0}


@pytest.mark.django_db
def test_unanswered_vraag_is_shown_to_volunteers_again_after_a_week(volunteer, client):
    services.save_preference(user=volunteer, notify=True, categories=[], area="heel", digest=False)
    with time_machine.travel("2026-03-02 10:00 +0100", tick=False):
        quiet = ListingFactory(kind="vraag", title="Niemand reageerde")
        answered = ListingFactory(kind="vraag", title="Wel reactie")
        ConversationFactory(response__listing=answered)
        ListingFactory(
            kind="vraag", title="Later geplaatst", created_at=timezone.now() + timezone.timedelta(days=3)
        )
    with time_machine.travel("2026-03-09 11:00 +0100", tick=False):
        assert services.reshow_unanswered_asks() == 1
        assert services.reshow_unanswered_asks() == 0  # once
        quiet.refresh_from_db()
        assert quiet.reshown_at == timezone.now()
        page = client.get("/vraag-en-aanbod/").content.decode()
        assert page.index("Niemand reageerde") < page.index("Later geplaatst")
        assert Notification.objects.filter(
            user=volunteer, text="Een nieuwe vraag past bij u: Niemand reageerde"
        ).exists()
        assert not Listing.objects.get(title="Wel reactie").reshown_at


@pytest.mark.django_db
def test_both_done_is_the_answer_and_not_asked_again(resident, volunteer):
    conversation = _agreed_on_2_march(owner=resident, responder=volunteer, title="Lamp ophangen")
    with time_machine.travel("2026-03-04 10:00 +0100", tick=False):
        services.mark_done(response=conversation.response, by=resident, thanks="Top!")
        services.mark_done(response=conversation.response, by=volunteer)
    with time_machine.travel("2026-03-09 10:30 +0100", tick=False):
        assert services.send_follow_ups() == 0
        assert not Notification.objects.filter(text__startswith="Is het gelukt?").exists()
    # saying "klaar" answered it: yes, from both
    assert sorted(FollowUp.objects.values_list("answer", flat=True)) == ["ja", "ja"]
    counts = selectors.outcome_counts(
        start=datetime(2026, 3, 1, tzinfo=AMS), end=datetime(2026, 4, 1, tzinfo=AMS)
    )
    assert counts == {"ja": 1, "nog_niet": 0, "nee": 0, "matches": 1}


@pytest.mark.django_db
def test_klaar_asks_how_long_it_took_and_only_the_other_is_asked_later(resident, volunteer, client_for):
    conversation = _agreed_on_2_march(owner=resident, responder=volunteer, title="Gras maaien")
    page = client_for(volunteer).get(conversation.get_absolute_url()).content.decode()
    assert "Hoe lang duurde het? (mag leeg)" in page and '<option value="120">Twee uur</option>' in page
    with time_machine.travel("2026-03-04 10:00 +0100", tick=False):
        client_for(volunteer).post(
            f"/berichten/{conversation.pk}/klaar/", {"thanks": "Graag gedaan", "minutes_spent": "120"}
        )
    said = FollowUp.objects.get(user=volunteer)
    assert (said.answer, said.minutes_spent) == ("ja", 120)
    with time_machine.travel("2026-03-09 10:30 +0100", tick=False):
        assert services.send_follow_ups() == 1  # only the one who did not say it yet
    assert Notification.objects.filter(user=resident, text="Is het gelukt? Gras maaien").exists()
    assert not Notification.objects.filter(user=volunteer, text__startswith="Is het gelukt?").exists()
    theirs = FollowUp.objects.get(user=resident)
    client_for(resident).post(
        f"/vraag-en-aanbod/gelukt/{theirs.pk}/", {"answer": "ja", "minutes_spent": "60"}
    )
    figures = selectors.impact_counts(
        start=datetime(2026, 3, 1, tzinfo=AMS), end=datetime(2026, 4, 1, tzinfo=AMS)
    )
    # one match, called a success by both: one "ja", and the longer of the two times
    assert (figures["ja"], figures["matches"]) == (1, 1)
    assert (figures["volunteer_minutes"], figures["timed_matches"]) == (120, 1)


@pytest.mark.django_db(transaction=True)
def test_both_saying_klaar_at_the_same_moment_keeps_both(resident, volunteer):
    from django.db import connection

    from marketplace.models import Response, Status
    from tests.concurrency import at_once

    if connection.vendor != "postgresql":
        pytest.skip("needs a database that takes writes from two connections at once")
    conversation = _agreed_on_2_march(owner=resident, responder=volunteer, title="Heg knippen")
    response = conversation.response
    thanks = {resident.pk: "Dank je wel!", volunteer.pk: "Graag gedaan"}
    errors = at_once(  # each as its own request: its own copy of the row
        lambda user: services.mark_done(
            response=Response.objects.get(pk=response.pk), by=user, thanks=thanks[user.pk]
        ),
        [resident, volunteer],
    )
    assert errors == []
    response = Response.objects.select_related("listing").get(pk=response.pk)
    assert (response.owner_thanks, response.responder_thanks) == ("Dank je wel!", "Graag gedaan")
    assert response.owner_done_at and response.responder_done_at
    assert response.listing.status == Status.DONE

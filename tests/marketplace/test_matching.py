"""Matching: what ranks first, and rules that hold for any input."""

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from core.text import stem
from marketplace import matching, selectors
from marketplace.models import LIFETIME, Area, Category, Listing, Status, When
from tests.factories import UserFactory

from .factories import ListingFactory

NOW = timezone.now()


def _listing(kind, category, area, when, title, text):
    return ListingFactory(kind=kind, category=category, area=area, when=when, title=title, text=text)


@pytest.mark.django_db
def test_same_category_area_and_time_ranks_above_shared_text_only():
    vraag = _listing("vraag", "klussen", "noord", "weekend", "Lamp ophangen", "Ik heb geen ladder")
    text_only = _listing("aanbod", "tuin", "zuid", "avond", "Lamp ophangen in de tuin", "Ik heb een ladder")
    full = _listing("aanbod", "klussen", "noord", "weekend", "Kleine klussen in huis", "Gereedschap heb ik")
    unrelated = _listing("aanbod", "koken", "zuid", "avond", "Samen koken", "Op vrijdag")
    ranked = [m.listing for m in selectors.matches_for(listing=vraag)]
    assert ranked[:2] == [full, text_only]
    assert unrelated not in ranked


@pytest.mark.django_db
def test_matches_exclude_closed_hidden_expired_pending_own_and_same_kind():
    owner = UserFactory()
    vraag = ListingFactory(owner=owner, kind="vraag", category="klussen")
    good = ListingFactory(kind="aanbod", category="klussen")
    ListingFactory(kind="aanbod", category="klussen", status=Status.CLOSED)
    ListingFactory(kind="aanbod", category="klussen", status=Status.HIDDEN)
    ListingFactory(kind="aanbod", category="klussen", status=Status.AGREED)
    ListingFactory(kind="aanbod", category="klussen", is_pending=True)
    ListingFactory(kind="aanbod", category="klussen", expires_at=timezone.now() - timedelta(seconds=1))
    ListingFactory(kind="aanbod", category="klussen", owner=owner)
    ListingFactory(kind="vraag", category="klussen")
    assert [m.listing for m in selectors.matches_for(listing=vraag, limit=10)] == [good]


@pytest.mark.django_db
def test_aanbod_gets_open_vragen(client_for):
    aanbod = ListingFactory(kind="aanbod", category="computer", title="Hulp met uw telefoon")
    vraag = ListingFactory(kind="vraag", category="computer", title="Videobellen leren")
    page = client_for(aanbod.owner).get(aanbod.get_absolute_url()).content.decode()
    assert "Deze vragen passen misschien bij uw aanbod" in page and vraag.title in page


@pytest.mark.django_db
def test_matches_are_shown_to_the_owner_only(client, client_for):
    vraag = ListingFactory(kind="vraag", category="tuin", title="Heg knippen")
    ListingFactory(kind="aanbod", category="tuin", title="Ik help in uw tuin")
    assert "Ik help in uw tuin" in client_for(vraag.owner).get(vraag.get_absolute_url()).content.decode()
    assert "Ik help in uw tuin" not in client.get(vraag.get_absolute_url()).content.decode()


def test_words_ignore_case_accents_and_filler():
    expected = {stem(w) for w in ("zoek", "hulp", "computer", "keer")}
    assert matching.words("Ik zoek HULP bij de Computer, één keer") == expected


def test_words_read_compounds_as_search_does():
    assert {stem("taal"), stem("les")} <= matching.words("Wie geeft taallessen?")


# Property test on unsaved listings: the pure ranking never needs the database.
owners = st.integers(min_value=1, max_value=4)
listing_strategy = st.builds(
    dict,
    kind=st.sampled_from(["vraag", "aanbod"]),
    category=st.sampled_from(Category.values),
    area=st.sampled_from(Area.values),
    when=st.sampled_from(When.values),
    status=st.sampled_from(Status.values),
    is_pending=st.booleans(),
    expired=st.booleans(),
    age_days=st.integers(min_value=0, max_value=41),
    owner_id=owners,
    title=st.sampled_from(["Boodschappen doen", "Lamp ophangen", "Samen wandelen", "Computer hulp", ""]),
    text=st.text(alphabet="abcdeklmnoprst ", max_size=30),
)


def build(pk, data):
    created = NOW - timedelta(days=data["age_days"])
    expires = NOW - timedelta(minutes=1) if data["expired"] else created + LIFETIME
    fields = {name: value for name, value in data.items() if name not in ("age_days", "expired")}
    return Listing(pk=pk, **fields, created_at=created, shown_at=created, expires_at=expires)


@settings(max_examples=200, deadline=None)
@given(target=listing_strategy, pool=st.lists(listing_strategy, max_size=25), seed=st.randoms())
def test_ranking_is_deterministic_and_only_open_visible_listings(target, pool, seed):
    listing = build(1000, target)
    candidates = [build(i + 1, data) for i, data in enumerate(pool)]
    first = matching.rank(listing, candidates, now=NOW, limit=50)
    shuffled = list(candidates)
    seed.shuffle(shuffled)
    second = matching.rank(listing, shuffled, now=NOW, limit=50)
    assert [(m.listing.pk, m.score) for m in first] == [(m.listing.pk, m.score) for m in second]
    for match in first:
        found = match.listing
        assert found.status == Status.OPEN
        assert not found.is_pending and found.expires_at > NOW
        assert found.kind != listing.kind and found.owner_id != listing.owner_id
        assert match.score > 0
    scores = [m.score for m in first]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.django_db
@settings(max_examples=15, deadline=None)
@given(pool=st.lists(listing_strategy, min_size=1, max_size=12), target=listing_strategy)
def test_matches_from_database_are_deterministic_and_never_closed_hidden_or_expired(pool, target):
    from django.db import transaction

    with transaction.atomic():
        users = {n: UserFactory() for n in range(1, 5)}

        def save(data):
            listing = build(None, data)
            listing.owner = users[data["owner_id"]]
            listing.save()
            return listing

        vraag = save({**target, "kind": "vraag"})
        for data in pool:
            save(data)
        first = [(m.listing.pk, m.score) for m in selectors.matches_for(listing=vraag, limit=50, now=NOW)]
        second = [(m.listing.pk, m.score) for m in selectors.matches_for(listing=vraag, limit=50, now=NOW)]
        assert first == second
        for pk, _score in first:
            found = Listing.objects.get(pk=pk)
            assert found.status == Status.OPEN and not found.is_pending and found.expires_at > NOW
            assert found.kind == "aanbod" and found.owner_id != vraag.owner_id
        transaction.set_rollback(True)

"""The list page, its filters, the form and text safety."""

import re

import pytest
from django.utils import timezone

from marketplace.models import Listing, Status
from tests.factories import UserFactory

from .factories import ConversationFactory, ListingFactory, MessageFactory


@pytest.mark.django_db
def test_list_shows_both_kinds_newest_first(client):
    old = ListingFactory(
        kind="vraag", title="Oude vraag", shown_at=timezone.now() - timezone.timedelta(days=3)
    )
    new = ListingFactory(kind="aanbod", title="Nieuw aanbod")
    done = ListingFactory(kind="vraag", title="Al geholpen", status=Status.DONE)  # newest, but no help needed
    page = client.get("/vraag-en-aanbod/").content.decode()
    assert page.index(new.title) < page.index(old.title) < page.index(done.title)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("soort=vraag", "Vraag klussen noord", "Aanbod tuin zuid"),
        ("soort=aanbod", "Aanbod tuin zuid", "Vraag klussen noord"),
        ("categorie=tuin", "Aanbod tuin zuid", "Vraag klussen noord"),
        ("buurt=noord", "Vraag klussen noord", "Aanbod tuin zuid"),
        ("soort=vraag&categorie=tuin", None, "Aanbod tuin zuid"),
    ],
)
def test_filters_narrow_the_list(client, query, shown, hidden):
    ListingFactory(kind="vraag", category="klussen", area="noord", title="Vraag klussen noord")
    ListingFactory(kind="aanbod", category="tuin", area="zuid", title="Aanbod tuin zuid")
    page = client.get(f"/vraag-en-aanbod/?{query}").content.decode()
    if shown:
        assert shown in page
    assert hidden not in page


@pytest.mark.django_db
def test_unknown_filter_is_ignored_with_a_message(client):
    ListingFactory(title="Blijft zichtbaar")
    response = client.get("/vraag-en-aanbod/?categorie=<script>&soort=xyz")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Blijft zichtbaar" in page
    assert "Een keuze in het filter kennen we niet" in page
    assert "<script>&" not in page


@pytest.mark.django_db
def test_list_paginates(client):
    for n in range(25):
        ListingFactory(title=f"Lijst {n:02d}", shown_at=timezone.now() - timezone.timedelta(minutes=n))
    first = client.get("/vraag-en-aanbod/").content.decode()
    second = client.get("/vraag-en-aanbod/?pagina=2").content.decode()
    assert "Lijst 00" in first and "Lijst 24" not in first
    assert "Lijst 24" in second and "Pagina 2 van 2" in second
    assert client.get("/vraag-en-aanbod/?pagina=abc").status_code == 200


@pytest.mark.django_db
def test_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    ListingFactory.create_batch(2)
    with django_assert_max_num_queries(6) as few:
        client.get("/vraag-en-aanbod/")
    ListingFactory.create_batch(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/vraag-en-aanbod/")
    assert page.content.decode().count('class="card listing-card"') == 20


@pytest.mark.django_db
def test_list_hides_closed_hidden_expired_and_pending(client):
    ListingFactory(title="Zichtbaar")
    ListingFactory(title="Gesloten", status=Status.CLOSED)
    ListingFactory(title="Verborgen", status=Status.HIDDEN)
    ListingFactory(title="Wacht", is_pending=True)
    ListingFactory(title="Verlopen", expires_at=timezone.now() - timezone.timedelta(minutes=1))
    page = client.get("/vraag-en-aanbod/").content.decode()
    assert "Zichtbaar" in page
    for title in ("Gesloten", "Verborgen", "Wacht", "Verlopen"):
        assert f">{title}<" not in page


@pytest.mark.django_db
def test_form_is_short_with_big_category_buttons_and_examples(client_for, resident):
    page = client_for(resident).get("/vraag-en-aanbod/nieuw/").content.decode()
    assert page.count('class="choice-buttons"') >= 2
    assert 'name="category"' in page and 'type="radio"' in page
    assert "Bijvoorbeeld: boodschappen doen" in page
    assert "Boodschappen" in page and "Formulieren en post" in page
    assert 'name="on_behalf"' not in page  # residents post for themselves


@pytest.mark.django_db
def test_form_errors_are_clear_and_keep_input(client_for, resident):
    response = client_for(resident).post(
        "/vraag-en-aanbod/nieuw/", {"kind": "vraag", "title": "Hulp", "text": "Mijn tekst"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Mijn tekst" in page and "Kies waarmee: boodschappen, klussen, vervoer of iets anders." in page
    assert "Dit is een verplicht veld." not in page  # each missing choice says what to do
    assert not Listing.objects.exists()


@pytest.mark.django_db
def test_unverified_user_cannot_post(client_for):
    user = UserFactory(verified=False)
    client = client_for(user)
    response = client.get("/vraag-en-aanbod/nieuw/")
    assert response.status_code == 403
    assert "Bevestig eerst uw e-mailadres" in response.content.decode()
    assert "Daarna kunt u iets plaatsen." in response.content.decode()
    client.post(
        "/vraag-en-aanbod/nieuw/",
        {"kind": "vraag", "category": "tuin", "title": "Heg knippen", "when": "altijd", "area": "heel"},
    )
    assert not Listing.objects.exists()


@pytest.mark.django_db
def test_anonymous_must_log_in_to_post(client):
    response = client.get("/vraag-en-aanbod/nieuw/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


EVIL = "<script>alert(1)</script>"


@pytest.mark.django_db
def test_script_in_title_and_message_is_shown_as_text_everywhere(
    client, client_for, resident, volunteer, moderator
):
    listing = ListingFactory(owner=resident, title=f"Hulp {EVIL}", text=f"Tekst {EVIL}")
    conversation = ConversationFactory(response__listing=listing, response__responder=volunteer)
    message = MessageFactory(conversation=conversation, author=volunteer, text=f"Bericht {EVIL}")
    from moderation.services import report

    report(reporter=resident, kind_name="message", pk=message.pk, reason="spam")
    report(reporter=volunteer, kind_name="listing", pk=listing.pk, reason="spam")
    pages = [
        client.get("/vraag-en-aanbod/"),
        client.get(listing.get_absolute_url()),
        client.get("/"),
        client_for(resident).get(listing.get_absolute_url()),
        client_for(resident).get("/berichten/"),
        client_for(resident).get(conversation.get_absolute_url()),
        client_for(volunteer).get(conversation.get_absolute_url()),
        client_for(resident).get("/mijn/"),
        client_for(moderator).get("/moderatie/"),
        client_for(resident).get(f"/moderatie/melden/message/{message.pk}/"),
    ]
    for response in pages:
        page = response.content.decode()
        assert response.status_code == 200
        assert EVIL not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.django_db
def test_home_page_shows_newest_asks_and_offers(client):
    ListingFactory(kind="vraag", title="Nieuwste vraag")
    ListingFactory(kind="aanbod", title="Nieuwste aanbod")
    page = client.get("/").content.decode()
    assert "Nieuw bij vraag en aanbod" in page
    assert "Nieuwste vraag" in page and "Nieuwste aanbod" in page


@pytest.mark.django_db
def test_mijn_shows_own_listings_and_volunteer_preferences(client_for, volunteer, resident):
    ListingFactory(owner=volunteer, title="Mijn eigen aanbod", kind="aanbod")
    page = client_for(volunteer).get("/mijn/").content.decode()
    assert "Mijn eigen aanbod" in page
    assert "Stuur mij nieuwe vragen die bij mij passen" in page
    assert "Stuur mij nieuwe vragen" not in client_for(resident).get("/mijn/").content.decode()


@pytest.mark.django_db
def test_volunteer_saves_preference(client_for, volunteer):
    response = client_for(volunteer).post(
        "/vraag-en-aanbod/voorkeuren/", {"notify": "on", "categories": ["tuin", "klussen"], "area": "noord"}
    )
    assert response.status_code == 302
    pref = volunteer.match_preference
    assert pref.notify and pref.categories == ["klussen", "tuin"] and pref.area == "noord" and not pref.digest
    bad = client_for(volunteer).post("/vraag-en-aanbod/voorkeuren/", {"area": "maan"})
    assert bad.status_code == 302
    volunteer.match_preference.refresh_from_db()
    assert volunteer.match_preference.area == "noord"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/vraag-en-aanbod/99999999999999999999999/",
        "/berichten/99999999999999999999999/",
        "/vraag-en-aanbod/gelukt/99999999999999999999999/",
    ],
)
def test_huge_ids_are_not_found_not_errors(client_for, resident, url):
    assert client_for(resident).get(url).status_code == 404


@pytest.mark.django_db
def test_form_preselects_kind_from_the_list_buttons(client, client_for, resident):
    assert "/vraag-en-aanbod/nieuw/?soort=aanbod" in client.get("/vraag-en-aanbod/").content.decode()
    page = client_for(resident).get("/vraag-en-aanbod/nieuw/?soort=aanbod").content.decode()
    aanbod_input = re.search(r'<input type="radio" name="kind" value="aanbod"[^>]*>', page).group(0)
    vraag_input = re.search(r'<input type="radio" name="kind" value="vraag"[^>]*>', page).group(0)
    assert "checked" in aanbod_input and "checked" not in vraag_input
    assert client_for(resident).get("/vraag-en-aanbod/nieuw/?soort=<b>").status_code == 200


@pytest.mark.django_db
def test_first_listing_waiting_for_a_moderator_says_so(client_for):
    newcomer = UserFactory()
    client = client_for(newcomer)
    client.post(
        "/vraag-en-aanbod/nieuw/",
        {"kind": "vraag", "category": "klussen", "title": "Wie hangt een lamp op?", "text": ""},
    )
    listing = Listing.objects.get(owner=newcomer)
    assert listing.is_pending
    page = client.get(f"/vraag-en-aanbod/{listing.pk}/").content.decode()
    assert "Uw bericht wacht op een moderator" in page
    assert "Daarna staat uw bericht online" in page
    assert "staat online tot" not in page


@pytest.mark.django_db
def test_get_of_preferences_goes_to_where_they_are(client_for, volunteer):
    response = client_for(volunteer).get("/vraag-en-aanbod/voorkeuren/")
    assert response.status_code == 302
    assert response["Location"] == "/mijn/#sectie-marketplace"
    assert client_for(volunteer).get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_page_links_keep_valid_filters_only(client):
    ListingFactory.create_batch(21, kind="vraag")
    page = client.get("/vraag-en-aanbod/?soort=vraag&buurt=xyz").content.decode()
    assert 'href="?soort=vraag&amp;pagina=2"' in page
    assert "xyz" not in page.split('class="pagination"')[1].split("</nav>")[0]


@pytest.mark.django_db
def test_every_line_of_the_error_summary_leads_to_its_field(client_for, resident):
    """A radio field has no id of its own: the link goes to its first button. "Waarmee?" loses its "?"."""
    html = client_for(resident).post("/vraag-en-aanbod/nieuw/", {"title": ""}).content.decode()
    summary = html.split("data-error-summary", 1)[1].split("</div>", 1)[0]
    targets = re.findall(r'<a href="#([^"]*)">', summary)
    assert targets and all(f'id="{target}"' in html for target in targets)
    assert 'href="#id_category_0">Waarmee: ' in summary and "?:" not in summary


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "example"), [("vraag", "Ik kan u zaterdag helpen."), ("aanbod", "Graag! Past")]
)
def test_the_example_in_the_answer_box_fits_a_vraag_or_an_aanbod(client_for, resident, kind, example):
    listing = ListingFactory(kind=kind)
    html = client_for(resident).get(listing.get_absolute_url()).content.decode()
    assert f'placeholder="Bijvoorbeeld: {example}' in html

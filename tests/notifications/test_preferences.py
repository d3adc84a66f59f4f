"""The notification settings on /mijn/."""

import pytest

from notifications import selectors
from notifications.kinds import DEFAULTS, Email, Kind
from notifications.models import Preference


def test_defaults_are_what_a_resident_would_choose(resident):
    assert selectors.preference(user=resident, kind=Kind.RESPONSE) == DEFAULTS[Kind.RESPONSE]
    assert DEFAULTS[Kind.RESPONSE].email == DEFAULTS[Kind.MESSAGE].email == Email.INSTANT
    assert DEFAULTS[Kind.NOTICE_URGENT].email == Email.INSTANT and DEFAULTS[Kind.NOTICE_URGENT].push


def test_settings_section_on_mijn_saves_each_kind(resident, client_for):
    client = client_for(resident)
    page = client.get("/mijn/").content.decode()
    assert "Meldingen: hoe wilt u ze krijgen?" in page
    assert "Spoedmeldingen van mijn buurtpreventiegroep" in page
    assert "Er wacht iets op moderatie" not in page  # only for moderators
    data = {}
    for row in selectors.settings_for(user=resident):
        data[f"email_{row['kind']}"] = row["choice"].email
        if row["choice"].push:
            data[f"push_{row['kind']}"] = "on"
    data[f"email_{Kind.MESSAGE}"] = Email.WEEKLY
    data.pop(f"push_{Kind.MESSAGE}")
    response = client.post("/mijn/meldingen/instellingen/", data, follow=True)
    assert response.redirect_chain[-1][0] == "/mijn/#sectie-meldingen"
    # The message stands in the section the page opens at, not at the top of a long page.
    section = response.content.decode().split('id="sectie-meldingen"', 1)[1]
    assert section.count("Uw keuzes voor meldingen zijn opgeslagen.") == 1
    assert "Uw keuzes voor meldingen zijn opgeslagen." not in response.content.decode().split("sectie-", 1)[0]
    # Only what differs from the default is stored.
    assert list(Preference.objects.filter(user=resident).values_list("kind", "email", "push")) == [
        (Kind.MESSAGE, Email.WEEKLY, False)
    ]


def test_moderators_choose_how_they_hear_of_the_queue(moderator, client_for):
    page = client_for(moderator).get("/mijn/").content.decode()
    assert "Er wacht iets op moderatie" in page


def test_an_unknown_choice_is_refused_with_a_dutch_message(resident, client_for):
    response = client_for(resident).post(
        "/mijn/meldingen/instellingen/", {f"email_{Kind.MESSAGE}": "elk-uur"}, follow=True
    )
    assert "Deze keuze kennen we niet" in response.content.decode()
    assert not Preference.objects.exists()


def test_news_stands_at_the_top_of_mijn(resident, client_for):
    from notifications.services import notify

    page = client_for(resident).get("/mijn/").content.decode()
    assert "U heeft geen nieuwe meldingen." in page.split('<section class="section"', 1)[0]
    notify(user=resident, kind=Kind.MESSAGE, text="Nieuw bericht van Henk", url="/berichten/")
    page = client_for(resident).get("/mijn/").content.decode()
    top = page.split('<section class="section"', 1)[0]
    assert "U heeft 1 nieuwe melding." in top and 'href="/mijn/meldingen/"' in top
    assert page.count("nieuwe melding.") == 1


@pytest.mark.django_db
def test_my_page_speaks_one_language_about_quiet_hours_and_notifications(client_for, resident, settings):
    settings.PUSH_QUIET_HOURS = "22-7"
    client = client_for(resident)
    dutch = client.get("/mijn/").content.decode()
    assert "Tussen 22 en 7 uur komen alleen spoedmeldingen." in dutch
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/mijn/").content.decode()
    assert "Between 22:00 and 7:00 only urgent alerts come through." in english
    assert " en 7" not in english
    assert "Notifications" in english and ">Reports" not in english
    for no_quiet_hours in ("7-7", "22", ""):  # as the pushes read it: no quiet hours, no promise of them
        settings.PUSH_QUIET_HOURS = no_quiet_hours
        assert "only urgent alerts" not in client.get("/mijn/").content.decode()

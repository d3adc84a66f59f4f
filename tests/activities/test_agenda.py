"""/agenda/: every filter narrows the list; bad values are ignored with a message, never a 500."""

import re
import shutil
import subprocess
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from activities.models import Activity
from tests.activities.factories import ActivityFactory, LocationFactory

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 6, 10, 8, 0, tzinfo=AMS)  # a Wednesday morning


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def titles(response) -> set[str]:
    return {o.activity.title for _day, _label, items in response.context["days"] for o in items}


def _for(audiences, title, after, location, category, **fields):
    """An activity for some audiences, `after` the frozen now."""
    return ActivityFactory(
        audiences=audiences,
        title=title,
        starts_at=NOW + after,
        location=location,
        category=category,
        **fields,
    )


@pytest.fixture
def agenda(frozen, db):
    huis = LocationFactory(name="Ons Huis van de Wijk", slug="ons-huis-van-de-wijk", is_accessible=True)
    iemhof = LocationFactory(name="D'n Iemhof", slug="dn-iemhof", is_accessible=False)
    ActivityFactory(title="Koffie", starts_at=NOW + timedelta(hours=2), location=huis, category="ontmoeten")
    _for(["ouderen"], "Bewegen", timedelta(days=1, hours=2), iemhof, "bewegen", cost=Decimal("2.00"))
    _for(["kinderen", "ouders"], "Speelotheek", timedelta(days=3), huis, "kinderen-gezin")
    _for(
        ["ouders"],
        "Geldspreekuur",
        timedelta(days=2),
        huis,
        "geldzaken",
        kind=Activity.Kind.WALK_IN,
        topic="Geldzaken",
    )
    _for(
        ["jongeren"], "Weekendmarkt", timedelta(days=3, hours=4), iemhof, "eten", cost=Decimal("1.00")
    )  # Saturday
    ActivityFactory(title="Volgende maand", starts_at=NOW + timedelta(days=30))
    ActivityFactory(title="Over tien dagen", starts_at=NOW + timedelta(days=10))
    ActivityFactory(title="Wacht nog", starts_at=NOW + timedelta(hours=3), status=Activity.Status.PENDING)


ALL_WEEK = {"Koffie", "Bewegen", "Speelotheek", "Geldspreekuur", "Weekendmarkt"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"wanneer": "week"}, ALL_WEEK),
        ({}, ALL_WEEK),
        ({"wanneer": "vandaag"}, {"Koffie"}),
        ({"wanneer": "morgen"}, {"Bewegen"}),
        ({"wanneer": "weekend"}, {"Speelotheek", "Weekendmarkt"}),
        ({"wanneer": "2026-07-10"}, {"Volgende maand"}),
        ({"wanneer": "volgende-week"}, {"Over tien dagen"}),
        ({"categorie": "bewegen"}, {"Bewegen"}),
        ({"voor": "ouders"}, {"Speelotheek", "Geldspreekuur", "Koffie"}),  # "iedereen" includes ouders
        ({"locatie": "dn-iemhof"}, {"Bewegen", "Weekendmarkt"}),
        ({"gratis": "1"}, {"Koffie", "Speelotheek", "Geldspreekuur"}),
        ({"toegankelijk": "1"}, {"Koffie", "Speelotheek", "Geldspreekuur"}),
        ({"soort": "inloopspreekuur"}, {"Geldspreekuur"}),
        (
            {"soort": "activiteit", "gratis": "ja", "locatie": "ons-huis-van-de-wijk"},
            {"Koffie", "Speelotheek"},
        ),
    ],
)
def test_each_filter_narrows_the_agenda(client, agenda, query, expected):
    response = client.get("/agenda/", query)
    assert response.status_code == 200
    assert titles(response) == expected
    assert response.context["problems"] == []


@pytest.mark.parametrize(
    "query",
    [
        {"wanneer": "gisteren"},
        {"wanneer": "2026-02-30"},
        {"wanneer": "9999-01-01"},
        {"categorie": "bestaat-niet"},
        {"voor": "katten"},
        {"locatie": "maan"},
        {"gratis": "misschien"},
        {"toegankelijk": "<script>"},
        {"soort": "feest"},
        {"pagina": "abc"},
        {"categorie": "x" * 5000},
    ],
)
def test_bad_filter_values_are_ignored_with_a_message(client, agenda, query):
    response = client.get("/agenda/", query)
    assert response.status_code == 200
    assert titles(response) == ALL_WEEK
    if "pagina" not in query:
        assert response.context["problems"]
        assert "weggelaten" in response.content.decode() or "deze week" in response.content.decode()
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_days_are_grouped_and_today_and_tomorrow_named(client, agenda):
    response = client.get("/agenda/?wanneer=week")
    labels = [label for _day, label, _items in response.context["days"]]
    assert labels[:2] == ["Vandaag", "Morgen"]
    html = response.content.decode()
    assert "Vandaag, woensdag 10 juni" in html and "Morgen, donderdag 11 juni" in html


def test_pending_and_past_items_are_not_in_the_agenda(client, agenda):
    ActivityFactory(title="Al voorbij", starts_at=NOW - timedelta(hours=3))
    response = client.get("/agenda/?wanneer=vandaag")
    assert "Wacht nog" not in titles(response) and "Al voorbij" not in titles(response)


def test_print_overview_lists_the_week_with_a4_stylesheet(client, agenda):
    html = client.get("/agenda/afdrukken/").content.decode()
    assert "activities/print.css" in html and "Koffie" in html and "Weekendmarkt" in html
    assert "Volgende maand" not in html


def test_walk_in_hours_and_detail_have_share_and_print_links(client, agenda):
    activity = Activity.objects.get(title="Koffie")
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "https://wa.me/?text=Koffie" in html
    assert f"/agenda/{activity.slug}/afdrukken/" in html and f"/agenda/{activity.slug}/ical/" in html
    assert "Koffie" in client.get(f"/agenda/{activity.slug}/afdrukken/").content.decode()
    # The button says what the file holds: every date of a series, one date otherwise.
    expected = "Zet alle data in mijn agenda" if activity.is_recurring else "Zet in mijn agenda<"
    assert expected in html


def test_the_links_for_one_date_of_a_series_say_so(client, frozen, db):
    weekly = ActivityFactory(
        title="Taalcafé", starts_at=NOW + timedelta(days=6, hours=2), rrule="FREQ=WEEKLY;COUNT=4"
    )
    html = client.get(weekly.get_absolute_url()).content.decode()
    assert "Google Agenda: alleen dinsdag 16 juni" in html and "Outlook: alleen dinsdag 16 juni" in html
    assert "Abonneren op alle data van deze activiteit" in html
    once = ActivityFactory(title="Lezing", starts_at=NOW + timedelta(days=2))
    html = client.get(once.get_absolute_url()).content.decode()
    assert ">Google Agenda</a>" in html and "alleen" not in html.split("calendar-links", 1)[1]


def test_pending_activity_detail_is_hidden_from_the_public(client, agenda):
    pending = Activity.objects.get(title="Wacht nog")
    assert client.get(pending.get_absolute_url()).status_code == 404


def test_week_lists_at_least_ten_distinct_activities_and_home_shows_today(client, frozen, db):
    huis = LocationFactory(name="Ons Huis van de Wijk", slug="ons-huis-van-de-wijk")
    for n in range(12):
        ActivityFactory(
            title=f"Wekelijkse activiteit {n}",
            starts_at=NOW + timedelta(days=n % 6, hours=2 + n % 3),
            location=huis,
            rrule="FREQ=WEEKLY",
        )
    ActivityFactory(
        title="Inloop geldzaken",
        kind=Activity.Kind.WALK_IN,
        topic="Geldzaken en schulden",
        starts_at=NOW - timedelta(hours=1),
        duration=timedelta(hours=3),
        rrule="FREQ=DAILY",
        location=huis,
        category="geldzaken",
    )
    assert Activity.objects.count() == 13
    assert Activity.objects.filter(kind=Activity.Kind.WALK_IN).count() == 1
    response = client.get("/agenda/?wanneer=week")
    assert len(titles(response)) >= 10
    home = client.get("/").content.decode()
    assert "Vandaag in de wijk" in home and "Nu open" in home


def test_print_range_names_the_first_and_last_listed_day(client, agenda):
    response = client.get("/agenda/afdrukken/")
    html = response.content.decode()
    days = [day for day, _label, _items in response.context["days"]]
    assert days[0].isoformat() == "2026-06-10" and days[-1].isoformat() <= "2026-06-16"
    assert "woensdag 10 juni – dinsdag 16 juni 2026" in html
    assert "17 juni" not in html
    assert "http://testserver/agenda/" in html


def test_print_range_of_one_day(client, agenda):
    html = client.get("/agenda/afdrukken/?wanneer=morgen").content.decode()
    assert "donderdag 11 juni 2026" in html and "–" not in html.split('class="a4__range"', 1)[1][:80]


def test_print_and_map_say_what_was_chosen(client, agenda):
    query = "?wanneer=morgen&categorie=bewegen&gratis=1"
    printed = client.get("/agenda/afdrukken/" + query).content.decode()
    mapped = client.get("/agenda/kaart/" + query).content.decode()
    for html in (printed, mapped):
        assert "Uw keuze: Morgen, Bewegen, Gratis" in html
    assert "Deze week in Ruwaard" not in printed
    assert "Uw keuze" not in client.get("/agenda/afdrukken/").content.decode()


def test_the_organisation_filter_shows_as_a_chip(client, agenda):
    from tests.factories import OrganisationFactory

    OrganisationFactory(schuldhulp=True)
    html = client.get("/agenda/?organisatie=schuldhulp").content.decode()
    chips = html.split('class="active-filters"', 1)[1].split("</ul>", 1)[0]
    assert "Schuldhulp Oss" in chips and 'href="?"' in chips


def test_each_chip_takes_only_its_own_choice_away(client, agenda):
    html = client.get(
        "/agenda/?wanneer=morgen&categorie=bewegen&categorie=leren-taal&gratis=1"
    ).content.decode()
    chips = html.split('class="active-filters"', 1)[1].split("</ul>", 1)[0]
    hrefs = re.findall(r'href="\?([^"]*)"', chips)
    assert hrefs == [
        "categorie=bewegen&amp;categorie=leren-taal&amp;gratis=1",
        "wanneer=morgen&amp;categorie=leren-taal&amp;gratis=1",
        "wanneer=morgen&amp;categorie=bewegen&amp;gratis=1",
        "wanneer=morgen&amp;categorie=bewegen&amp;categorie=leren-taal",
    ]
    labels = [
        re.sub(r"<[^>]+>|\s+", " ", chip).split("weghalen")[0].strip() for chip in chips.split("<li>")[1:]
    ]
    assert labels == ["Morgen", "Bewegen", "Leren &amp; taal", "Gratis"]


def test_a_day_further_ahead_can_be_chosen_in_the_filter(client, frozen, db):
    ActivityFactory(title="Kerstmarkt", starts_at=datetime(2026, 7, 22, 15, 0, tzinfo=AMS))
    page = client.get("/agenda/").content.decode()
    assert 'type="date" id="f-datum" name="datum" min="2026-06-10"' in page
    # the form sends the radio choice too; the day wins, and becomes `wanneer` for its chip
    response = client.get("/agenda/?wanneer=week&datum=2026-07-22&categorie=")
    assert response.status_code == 302
    assert response["Location"] == "/agenda/?wanneer=2026-07-22&categorie="
    day = client.get(response["Location"])
    assert titles(day) == {"Kerstmarkt"}
    html = day.content.decode()
    assert "woensdag 22 juli" in html.split('class="active-filters"', 1)[1]
    # the chosen day is a checked choice of the form, so another filter keeps it
    assert 'name="wanneer" value="2026-07-22" checked> woensdag 22 juli' in html
    assert 'max="2027-06-11"' in html


def test_bad_category_keeps_the_good_one(client, agenda):
    response = client.get("/agenda/", {"categorie": ["bewegen", "bestaat-niet"]})
    assert titles(response) == {"Bewegen"}
    assert response.context["problems"] == [
        "De rubriek „bestaat-niet” bestaat niet. Die keuze is weggelaten."
    ]


def test_the_filter_form_sent_as_is_raises_no_problem(client, agenda):
    """The form's empty choices ("Alle rubrieken", "Voor iedereen" …) mean: no filter."""
    everything = titles(client.get("/agenda/", {"wanneer": "week"}))
    sent = {"wanneer": "week", "categorie": "", "voor": "", "locatie": "", "soort": ""}
    response = client.get("/agenda/", sent)
    assert response.context["problems"] == []
    assert "bestaat niet" not in response.content.decode()
    assert titles(response) == everything and len(everything) > 1


@pytest.mark.skipif(not shutil.which("chromium"), reason="needs Chromium to print")
def test_a_normal_week_prints_on_one_a4_page(client, frozen, db, tmp_path):
    from django.contrib.staticfiles import finders

    for day in range(7):
        for n in range(5):  # five items a day: a busy, normal week
            ActivityFactory(
                title=f"Activiteit met een gewone naam {day}-{n}",
                starts_at=NOW + timedelta(days=day, hours=2 + n),
                location=LocationFactory(name=f"Buurthuis aan de Hoefkestraat {day}-{n}"),
            )
    response = client.get("/agenda/afdrukken/")
    assert sum(len(items) for _day, _label, items in response.context["days"]) == 35
    assert len(response.context["days"]) == 7
    css = open(finders.find("activities/print.css")).read()  # noqa: SIM115
    page = re.sub(r'<link rel="stylesheet"[^>]*>', f"<style>{css}</style>", response.content.decode())
    source, pdf = tmp_path / "week.html", tmp_path / "week.pdf"
    source.write_text(page)
    subprocess.run(
        [
            shutil.which("chromium"),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())) == 1


def test_the_week_ends_with_a_way_to_next_week_and_a_day_reads_as_a_day(client, agenda):
    week = client.get("/agenda/", {"soort": "activiteit"}).content.decode()
    assert 'href="?soort=activiteit&amp;wanneer=volgende-week">Bekijk volgende week</a>' in week
    next_week = client.get("/agenda/", {"wanneer": "volgende-week"}).content.decode()
    assert "Over tien dagen" in next_week and "Bekijk volgende week" not in next_week
    assert "Volgende week" in next_week.split('class="active-filters"', 1)[1].split("</ul>", 1)[0]
    day = client.get("/agenda/", {"wanneer": "2026-07-10"}).content.decode()
    assert "vrijdag 10 juli" in day.split('class="active-filters"', 1)[1].split("</ul>", 1)[0]

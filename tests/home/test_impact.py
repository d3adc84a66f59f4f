from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from home import impact
from marketplace.models import Listing
from notifications.services import notify
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_month_starts_cross_the_year():
    assert impact.month_starts(today=date(2026, 2, 14), months=4) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]


def test_impact_page_is_for_partners_only(client_for, client, resident, moderator):
    assert client.get("/impact/").status_code == 302  # to login
    assert client_for(resident).get("/impact/").status_code == 403
    assert client_for(resident).get("/impact/cijfers.csv").status_code == 403
    assert client_for(moderator).get("/impact/").status_code == 200
    member = MembershipFactory(organisation=OrganisationFactory(slug="ggd-test")).user
    assert client_for(member).get("/impact/").status_code == 200


def test_figures_count_per_month(client_for, moderator):
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 9, 10, 12)), tick=False):
        UserFactory(display_name="September")
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 11, 3, 12)), tick=False):
        UserFactory(display_name="November 1")
        UserFactory(display_name="November 2")
        owner = UserFactory()
        Listing.objects.create(
            owner=owner,
            kind="vraag",
            category="boodschappen",
            title="Boodschappen",
            text="Wie helpt?",
            expires_at=timezone.now() + timedelta(weeks=6),
        )
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 11, 20, 12)), tick=False):
        rows = impact.monthly_figures(months=3)
        assert [r["month"] for r in rows] == [date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)]
        by_month = {r["month"].month: r["values"] for r in rows}
        assert by_month[9]["new_accounts"] == 1
        assert by_month[10]["new_accounts"] == 0
        assert by_month[11]["asks"] == 1 and by_month[11]["offers"] == 0
        response = client_for(moderator).get("/impact/")
        html = response.content.decode()
        assert "Nieuwe accounts" in html and "Hulpvragen geplaatst" in html
        csv = client_for(moderator).get("/impact/cijfers.csv").content.decode("utf-8-sig")
    header, *rows = [line.split(";") for line in csv.splitlines()]
    assert header[:3] == ["Cijfer", "Eenheid", "Wijk"] and header[-1] == "Wijk 2026-11"
    assert any(row[0] == "Nieuwe accounts" for row in rows)


def test_impact_numbers_hold_no_names(client_for, moderator, resident):
    notify(kind="test", user=resident, text="Henk reageerde", url="/")
    html = client_for(moderator).get("/impact/").content.decode()
    assert resident.email not in html and "Henk reageerde" not in html


# --- figures computed by hand on a small fixture (now = 1 December 2026, noon) -------------------

import io  # noqa: E402
import re  # noqa: E402
from datetime import datetime  # noqa: E402
from html.parser import HTMLParser  # noqa: E402

import openpyxl  # noqa: E402
import pypdf  # noqa: E402

from activities.models import Activity, Occurrence  # noqa: E402
from home.middleware import count_visit  # noqa: E402
from home.models import DailyVisit  # noqa: E402
from marketplace.models import FollowUp, Response  # noqa: E402
from notices.models import Acknowledgement  # noqa: E402
from tests.activities.factories import ActivityFactory  # noqa: E402
from tests.notices.factories import NoticeFactory, PreventionGroupFactory  # noqa: E402

NOW = datetime(2026, 12, 1, 12)
PERIOD = "?van=2026-09-01&tot=2026-12-31"


def at(*args):
    return timezone.make_aware(datetime(*args))


def _listing(owner, kind, category, title, *, created, **fields):
    return Listing.objects.create(
        owner=owner,
        kind=kind,
        category=category,
        title=title,
        created_at=created,
        expires_at=at(2027, 1, 1),
        **fields,
    )


def _activity(*, status, created, confirmed, kind=Activity.Kind.ACTIVITY, organisation=None, dates=()):
    with time_machine.travel(created, tick=False):
        activity = ActivityFactory(status=status, kind=kind, organisation=organisation, owner=None, rrule="")
    activity.occurrences.all().delete()
    Activity.objects.filter(pk=activity.pk).update(confirmed_at=confirmed, updated_at=created)
    for start, cancelled in dates:
        Occurrence.objects.create(
            activity=activity,
            original_start=start,
            start=start,
            end=start + timedelta(hours=2),
            is_cancelled=cancelled,
        )
    return activity


@pytest.fixture
def fixture_world(settings):
    settings.IMPACT_VALUE_PER_MATCH = "50"
    settings.IMPACT_VALUE_PER_HOUR = "15"
    settings.IMPACT_VALUE_SOURCE = "testbedrag"
    with time_machine.travel(at(2026, 8, 1, 9), tick=False):
        staff = UserFactory(is_staff=True, email="staf@example.org", display_name="Staf")
        users = [UserFactory(email=f"bewoner{i}@example.org", display_name=f"Bewoner{i}") for i in range(5)]
    with time_machine.travel(at(2026, 10, 1, 9), tick=False):
        UserFactory(display_name="Oktober")
        org = OrganisationFactory(slug="ggd-test")
        member = MembershipFactory(organisation=org).user
    published, stale, draft = Activity.Status.PUBLISHED, Activity.Status.STALE, Activity.Status.DRAFT
    # held (and current): 10 Nov; cancelled 24 Nov; 5 Dec still to come
    _activity(
        status=published,
        created=at(2026, 10, 1),
        confirmed=at(2026, 11, 20),
        organisation=org,
        dates=[(at(2026, 11, 10, 14), False), (at(2026, 11, 24, 14), True), (at(2026, 12, 5, 14), False)],
    )
    # stale since 23 Sep (confirmed 1 Jul + 12 weeks): 15 Sep held but not current, 6 Oct not held
    _activity(
        status=stale,
        created=at(2026, 6, 1),
        confirmed=at(2026, 7, 1),
        kind=Activity.Kind.WALK_IN,
        dates=[(at(2026, 9, 15, 10), False), (at(2026, 10, 6, 10), False)],
    )
    _activity(
        status=draft, created=at(2026, 10, 1), confirmed=at(2026, 10, 1), dates=[(at(2026, 11, 5, 10), False)]
    )
    # published on 15 Nov: its 1 Nov date was not in the agenda then
    _activity(
        status=published,
        created=at(2026, 11, 15),
        confirmed=at(2026, 11, 15),
        dates=[(at(2026, 11, 1, 10), False)],
    )
    u1, u2, u3, u4, u5 = users
    ask = _listing(u1, "vraag", "boodschappen", "Boodschappen", created=at(2026, 11, 2, 10))
    _listing(u3, "aanbod", "klussen", "Klussen", created=at(2026, 11, 5, 10), area="noord")
    _listing(u1, "vraag", "tuin", "Tuin", created=at(2026, 11, 6, 10))
    response = Response.objects.create(
        listing=ask, responder=u2, created_at=at(2026, 11, 2, 12), accepted_at=at(2026, 11, 3, 10)
    )
    FollowUp.objects.create(
        response=response, user=u1, answer="ja", answered_at=at(2026, 11, 10), minutes_spent=60
    )
    FollowUp.objects.create(
        response=response, user=u2, answer="ja", answered_at=at(2026, 11, 11), minutes_spent=120
    )
    notice = NoticeFactory(group=PreventionGroupFactory(name="Noord"), author=u4, created_at=at(2026, 11, 12))
    Acknowledgement.objects.create(notice=notice, user=u5, created_at=at(2026, 11, 12, 13))
    DailyVisit.objects.create(day=date(2026, 11, 3), section="activities", count=7)
    DailyVisit.objects.create(day=date(2026, 11, 4), section="page:storypage", count=3)
    DailyVisit.objects.create(day=date(2026, 8, 1), section="activities", count=100)
    return {"staff": staff, "member": member, "org": org}


EXPECTED = {
    "new_accounts": 2,  # "Oktober" and the organisation member joined on 1 October
    "active_residents": 5,  # u1..u3 in the marketplace, u4 posted, u5 acknowledged
    "visits": 10,
    "asks": 2,
    "offers": 1,
    "matches": 1,
    "match_rate": 50.0,
    "median_match_hours": 24.0,  # placed 2 Nov 10:00, accepted 3 Nov 10:00
    "ja": 1,  # the one match, that both called a success
    "volunteer_hours": 2.0,  # max(60, 120) minutes for the one match
    "activity_dates": 1,
    "walk_in_dates": 1,
    "walk_in_hours": 2.0,
    "current_share": 50.0,
    "stories": 0,
    "notices": 1,
    "acknowledgements": 1,
    "value": 80,  # 1 match x 50 + 2 hours x 15
}


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_every_figure_equals_the_hand_count(fixture_world):
    period = impact.Period(date(2026, 9, 1), date(2026, 12, 31))
    figures = impact.district_figures(period=period)
    assert {key: figures[key] for key in EXPECTED} == EXPECTED
    own = impact.organisation_figures(period=period, organisation=fixture_world["org"])
    assert own == {"activity_dates": 1, "walk_in_dates": 0, "walk_in_hours": 0.0, "current_share": 100.0}


class _Charts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.figures, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "figure":
            self.figures.append({"svg": 0, "title": 0, "desc": 0, "table": 0})
        elif self.figures and tag in ("svg", "title", "desc", "table"):
            self.figures[-1][tag] += 1


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_page_shows_period_organisation_and_charts(fixture_world, client_for):
    member = fixture_world["member"]
    response = client_for(member).get("/impact/?van=2026-01-01&tot=2026-06-30&organisatie=ggd-test")
    html = response.content.decode()
    assert response.status_code == 200
    assert "01-01-2026 – 30-06-2026" in html and fixture_world["org"].name in html
    html = client_for(fixture_world["staff"]).get("/impact/" + PERIOD).content.decode()
    parser = _Charts()
    parser.feed(html)
    charts = [f for f in parser.figures if f["svg"]]
    assert len(charts) >= 3
    assert all(f["title"] and f["desc"] and f["table"] for f in charts)
    assert 'data-figure="activity_dates">1</td>' in re.sub(r">\s+|\s+<", lambda m: m.group(0).strip(), html)
    assert "testbedrag" in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("?van=2026-13-01&tot=2026-06-30", "klopt niet"),
        ("?periode=decennium", "kennen we niet"),
        ("?van=2026-06-30&tot=2026-01-01", "na de einddatum"),
        ("?organisatie=bestaat-niet", "kunt u hier niet kiezen"),
    ],
)
@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_wrong_parameters_get_a_dutch_message(fixture_world, client_for, query, message):
    response = client_for(fixture_world["staff"]).get("/impact/" + query)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "01-10-2026 – 01-12-2026" in response.content.decode()  # the default: this quarter


def _selected(html: str, name: str) -> list[str]:
    """The option values marked selected in the <select name=…> of the filter form."""
    select = html.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option value="([^"]*)"[^>]*selected', select)


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_the_filter_shows_what_the_figures_are_for(fixture_world, client_for):
    member, org = fixture_world["member"], fixture_world["org"]
    html = client_for(member).get("/impact/").content.decode()
    assert "01-10-2026 – 01-12-2026" in html  # this quarter …
    assert _selected(html, "periode") == ["kwartaal"]  # … and the menu says so
    assert _selected(html, "organisatie") == [org.slug]  # a member sees their own organisation
    assert "Alleen de wijk" not in html.split('name="organisatie"', 1)[1].split("</select>", 1)[0]

    staff = client_for(fixture_world["staff"])
    wrong_dates = staff.get("/impact/?periode=maand&van=2026-06-30&tot=2026-01-01").content.decode()
    assert "We tonen dit kwartaal" in wrong_dates and "01-10-2026 – 01-12-2026" in wrong_dates
    assert _selected(wrong_dates, "periode") == ["kwartaal"]
    assert _selected(staff.get("/impact/").content.decode(), "organisatie") == [""]  # the district


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_member_cannot_choose_another_organisation(fixture_world, client_for):
    other = OrganisationFactory(slug="ander")
    html = client_for(fixture_world["member"]).get("/impact/?organisatie=ander").content.decode()
    assert "kunt u hier niet kiezen" in html and other.name not in html.split("</form>")[-1]


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_csv_has_bom_semicolons_and_no_names(fixture_world, client_for):
    raw = client_for(fixture_world["staff"]).get("/impact/cijfers.csv" + PERIOD).content
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    header, *rows = text.splitlines()
    assert header.split(";")[:3] == ["Cijfer", "Eenheid", "Wijk"]
    assert "@" not in text and "Bewoner" not in text and "Staf" not in text
    asks = next(r.split(";") for r in rows if r.startswith("Hulpvragen geplaatst;"))
    assert asks[header.split(";").index("Wijk 2026-11")] == "< 5"
    assert header.split(";")[-1] == "Wijk 2026-12"
    cells = [cell for row in rows for cell in row.split(";")]
    assert any(re.fullmatch(r"\d+,\d+", cell) for cell in cells)  # decimals as Dutch Excel reads them
    assert not any(re.fullmatch(r"\d+\.\d+", cell) for cell in cells)


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_xlsx_has_dutch_headers(fixture_world, client_for):
    content = client_for(fixture_world["staff"]).get("/impact/cijfers.xlsx" + PERIOD).content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet["A1"].value == "Cijfer" and sheet["B1"].value == "Eenheid"
    assert [c.value for c in sheet["A"]][1:] == [str(f.label) for f in impact.FIGURES]
    assert [c.value for c in sheet[1]][-4:] == [
        "Wijk 2026-09",
        "Wijk 2026-10",
        "Wijk 2026-11",
        "Wijk 2026-12",
    ]


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_pdf_has_one_page_per_theme_and_the_period_in_its_title(fixture_world, client_for):
    response = client_for(fixture_world["staff"]).get("/impact/rapport.pdf" + PERIOD)
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == len(impact.THEMES)
    assert "01-09-2026 – 31-12-2026" in reader.metadata.title
    assert "Burenhulp" in reader.pages[1].extract_text()


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_pdf_is_styled_with_the_collected_hashed_files_as_in_production(
    fixture_world, client_for, settings, tmp_path
):
    """Served with hashed names (DEBUG off), the PDF still finds its stylesheets: no menu, no footer."""
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=["wagtail*", "admin"])
    html = client_for(fixture_world["staff"]).get("/impact/" + PERIOD).content.decode()
    assert re.search(r"/static/wijk/css/print\.[0-9a-f]{12}\.css", html)  # hashed, as served

    response = client_for(fixture_world["staff"]).get("/impact/rapport.pdf" + PERIOD)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "Burenhulp" in text
    assert "In nood? Bel 112" not in text and "het digitale onderdak" not in text  # print.css hid them


def test_visit_counter_adds_one_per_page_without_visitor_data(client, settings):
    settings.COUNT_VISITS = True
    with time_machine.travel(at(2026, 11, 3, 10), tick=False):
        count_visit(section="activities")
        count_visit(section="activities")
    row = DailyVisit.objects.get(day=date(2026, 11, 3), section="activities")
    assert row.count == 2
    assert [f.name for f in DailyVisit._meta.get_fields()] == ["id", "day", "section", "count"]
    client.get("/offline/")
    assert DailyVisit.objects.filter(section="home").exists()


def test_can_see_impact_helper(resident, moderator):
    assert impact.can_see_impact(moderator) and not impact.can_see_impact(resident)


def test_chart_months_are_named_in_dutch(fixture_world, client_for):
    html = client_for(fixture_world["staff"]).get("/impact/" + PERIOD).content.decode()
    assert "okt 2026" in html and "sep 2026" in html
    assert "Oct 2026" not in html and "Sep 2026" not in html


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_without_amounts_no_value_is_shown_rather_than_zero_euro(fixture_world, client_for, settings):
    settings.IMPACT_VALUE_PER_MATCH = settings.IMPACT_VALUE_PER_HOUR = "0"
    html = client_for(fixture_world["staff"]).get("/impact/" + PERIOD).content.decode()
    assert "nog geen bedragen per afspraak en per uur ingesteld" in html
    assert 'data-figure="value">–</td>' in re.sub(r">\s+|\s+<", lambda m: m.group(0).strip(), html)
    assert "€ 0" not in html


def test_the_pdf_reads_our_static_files_and_nothing_outside_them(settings, tmp_path):
    from home.views_impact import StaticFetcher

    settings.STATIC_ROOT = tmp_path / "static"
    (tmp_path / "static" / "wijk" / "css").mkdir(parents=True)
    (tmp_path / "static" / "wijk" / "css" / "print.abc123.css").write_text("main { color: black; }")
    (tmp_path / "secret.txt").write_text("geheim")
    fetcher = StaticFetcher()
    collected = fetcher.fetch("http://localhost/static/wijk/css/print.abc123.css?v=1")  # as served: hashed
    assert collected.content_type == "text/css" and collected.read() == b"main { color: black; }"
    from_app = fetcher.fetch("http://localhost/static/wijk/css/print.css")  # not collected: from the app
    assert b"{" in from_app.read()
    for url in (
        "http://localhost/static/../secret.txt",
        "http://localhost/static/wijk/../../secret.txt",
        "http://localhost/static/../../etc/passwd",
        "http://localhost/static/wijk/css/",  # a folder
        "https://example.org/logo.png",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


# --- what the downloads show: the same small-number rule, the page's columns, units and explanations ----

WITH_ORG = PERIOD + "&organisatie=ggd-test"


@pytest.mark.parametrize(
    "value, kind, shown",
    [
        (0, "count", 0),
        (1, "count", "< 5"),
        (4, "count", "< 5"),
        (5, "count", 5),
        (None, "count", None),
        ((2, 7), "share", "verborgen"),  # 28,6 % of 7 asks would give away the 2
        ((6, 4), "share", "verborgen"),
        ((5, 7), "share", 71.4),
        ((0, 7), "share", 0.0),
        (24.0, "hours", 24.0),
        (impact.Hours(24.0, 1), "hours", "verborgen"),  # the median of one match is its own wait
        (impact.Hours(24.0, 5), "hours", 24.0),
        (impact.Euros(80, 1, 1), "euros", "verborgen"),  # 1 match x € 50 + 2 hours x € 15
        (impact.Euros(400, 5, 4), "euros", "verborgen"),  # (400 - 5 x 50) / 15 = 10 hours of 4 matches
        (impact.Euros(400, 5, 5), "euros", 400),
        (impact.Euros(0, 0, 0), "euros", 0),
    ],
)
def test_one_rule_for_small_numbers_in_every_download(value, kind, shown):
    from home.impact_export import for_export

    if kind == "share":
        value = impact.Share(*value)  # a percentage knows the counts it was computed from
    assert for_export(value, kind) == shown


def _dates_held(activities: int, walk_ins: int, parts: list[int]) -> list:
    """Dates held and walk-in dates beside their parts per category, as a download shows them."""
    from home.impact_export import Cells

    cells = Cells()
    cells.add("activities", activities)
    cells.add("walk_ins", walk_ins)
    for number, part in enumerate(parts):
        cells.add(number, part)
    cells.add_sum(["activities", "walk_ins"], list(range(len(parts))))
    shown = cells.for_export()
    return [shown["activities"], shown["walk_ins"], *(shown[number] for number in range(len(parts)))]


def test_a_hidden_part_hides_every_total_beside_it():
    # 13 activity dates beside a hidden count of walk-in hours, over parts "< 5", 0, 10, 0, would leave
    # only walk-in hours 1 and the hidden part 4: both totals go.
    assert _dates_held(13, 1, [4, 0, 10, 0])[:2] == ["verborgen", "< 5"]
    assert _dates_held(13, 7, [3, 0, 10, 7]) == ["verborgen", "verborgen", "< 5", 0, 10, 7]
    assert _dates_held(13, 7, [5, 0, 10, 5]) == [13, 7, 5, 0, 10, 5]  # nothing hidden: nothing to hide


def test_a_total_hidden_by_one_sum_hides_a_part_of_every_other_sum():
    """The notices of a period: 6 in all, 5 in Noord and "< 5" in Zuid. Beside its months (0 and 6) the
    hidden total would come back, and with it Zuid (6 - 5 = 1). Hiding one month is not enough: a hidden
    0 beside a "< 5" can be worked out (it cannot be 1 to 4, and 5 or more would make Zuid 6 or more)."""
    from home.impact_export import Cells

    cells = Cells()
    for key, value in {"total": 6, "noord": 5, "zuid": 1, "november": 0, "december": 6}.items():
        cells.add(key, value)
    cells.add_sum(["total"], ["noord", "zuid"])
    cells.add_sum(["total"], ["november", "december"])
    shown = cells.for_export()
    assert [shown[key] for key in ("total", "noord", "zuid")] == ["verborgen", 5, "< 5"]
    assert [shown["november"], shown["december"]] == ["verborgen", "verborgen"]


def _pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)


def _csv(response) -> list[list[str]]:
    return [line.split(";") for line in response.content.decode("utf-8-sig").splitlines()]


def _xlsx(response) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _tables(client, query: str) -> tuple[list[list[str]], list[list]]:
    """The CSV and the XLSX of one selection, as rows."""
    return _csv(client.get("/impact/cijfers.csv" + query)), _xlsx(client.get("/impact/cijfers.xlsx" + query))


def _row(table: list[list], label: str) -> dict:
    """One figure's row of a CSV or XLSX table, by column heading."""
    rows = [row for row in table if row[0] == label]
    assert rows, f"no row {label!r} under {table[0]}"
    return dict(zip(table[0], rows[0], strict=True))


class _Tables(HTMLParser):
    """Every <table> of a page by its caption: the rows, each a list of cell texts."""

    def __init__(self):
        super().__init__()
        self.tables, self.caption, self.cell = {}, None, None

    def handle_starttag(self, tag, attrs):
        if tag == "caption":
            self.caption = ""
        elif tag == "tr":
            self.tables[self.caption].append([])
        elif tag in ("th", "td"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "caption":
            self.caption = " ".join(self.caption.split())
            self.tables[self.caption] = []
        elif tag in ("th", "td"):
            self.tables[self.caption][-1].append(" ".join(self.cell.split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        elif self.caption is not None and self.caption not in self.tables:
            self.caption += data


def _figure_row(rows: list[list[str]], label: str) -> list[str]:
    """The row of a figure table whose heading (the label, then its hint) starts with `label`."""
    return next(row for row in rows if row[0].startswith(label))


def _page_tables(response) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(response.content.decode())
    return parser.tables


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_the_pdf_hides_small_numbers_as_the_csv_and_xlsx_do(fixture_world, client_for):
    staff = client_for(fixture_world["staff"])
    pdf = _pdf_text(staff.get("/impact/rapport.pdf" + PERIOD))
    csv, xlsx = _tables(staff, PERIOD)
    # matches 1, ja 1, offers 1, notices 1 ; 1 of 2 asks with a helper, 1 of 2 dates held current
    hidden = {
        "Afspraken gemaakt": "< 5",
        "Gelukt": "< 5",
        "Hulpaanbod geplaatst": "< 5",
        "Meldingen buurtpreventie": "< 5",
        "Vragen met een helper": "verborgen",
        "Actueel gehouden": "verborgen",
    }
    for label, shown in hidden.items():
        assert f"\n{label} {shown} " in pdf, label
        assert _row(csv, label)["Wijk"] == shown and _row(xlsx, label)["Wijk"] == shown
    assert "\nActieve bewoners 5 " in pdf and _row(csv, "Actieve bewoners")["Wijk"] == "5"
    assert _row(xlsx, "Actieve bewoners")["Wijk"] == 5
    assert "Afspraken gemaakt 1 " not in pdf and "50,0%" not in pdf and "Gelukt 2 " not in pdf
    assert "\nNoord < 5" in pdf  # the notices per group …
    assert "\nnov 2026 < 5" in pdf  # … and the matches per month are downloads too
    rule = " ".join(pdf.split())
    assert "een aantal van 1 tot en met 4 als „< 5”" in rule and "staat er als „verborgen”" in rule

    page = _page_tables(staff.get("/impact/" + PERIOD))  # partners see the exact figures on the page
    assert _figure_row(page["Burenhulp"], "Afspraken gemaakt")[1] == "1"
    assert _figure_row(page["Burenhulp"], "Vragen met een helper")[1] == "50,0%"


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_csv_and_xlsx_have_the_columns_of_the_page_with_the_organisation(fixture_world, client_for):
    staff, org = client_for(fixture_world["staff"]), fixture_world["org"]
    page = _page_tables(staff.get("/impact/" + WITH_ORG))
    assert page["Bereik"][0] == ["Cijfer", "Wijk", org.name, "Wat telt"]
    months = ["Wijk 2026-09", "Wijk 2026-10", "Wijk 2026-11", "Wijk 2026-12"]
    for table in _tables(staff, WITH_ORG):
        assert table[0] == ["Cijfer", "Eenheid", "Wijk", org.name, "Wat telt", *months]
        assert _row(table, "Activiteiten gehouden")[org.name] == "< 5"  # its one date on 10 November
        assert _row(table, "Actueel gehouden")[org.name] == "verborgen"  # 1 of 1
        assert _row(table, "Hulpvragen geplaatst")[org.name] in ("", None)  # the page shows "–"
    pdf = _pdf_text(staff.get("/impact/rapport.pdf" + WITH_ORG))
    assert f"Cijfer Wijk {org.name} Wat telt" in pdf
    assert "\nActiviteiten gehouden < 5 < 5 " in pdf


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_csv_and_xlsx_give_each_figure_its_unit_and_the_explanation_of_the_page(fixture_world, client_for):
    staff = client_for(fixture_world["staff"])
    page = _page_tables(staff.get("/impact/" + PERIOD))
    explained = {row[0]: row[-1] for rows in page.values() for row in rows if len(row) == 3}
    csv, xlsx = _tables(staff, PERIOD)
    units = {
        "Nieuwe accounts": "aantal",
        "Vragen met een helper": "%",
        "Tijd tot een afspraak": "uur",
        "Uren burenhulp": "uur",
        "Geschatte waarde": "euro",
    }
    for label, unit in units.items():
        explanation = next(text for head, text in explained.items() if head.startswith(label))
        for table in (csv, xlsx):
            assert _row(table, label)["Eenheid"] == unit
            assert _row(table, label)["Wat telt"] == explanation
    # the hours and euros of the one match are hidden (below); those of October, without matches, are numbers
    assert (
        _row(csv, "Uren burenhulp")["Wijk 2026-10"] == "0,0"
        and _row(xlsx, "Geschatte waarde")["Wijk 2026-10"] == 0
    )
    assert len({_row(csv, f.label)["Wat telt"] for f in impact.FIGURES}) == len(impact.FIGURES)


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_dates_per_category_add_up_to_the_dates_held_of_the_same_scope(fixture_world, client_for):
    org = fixture_world["org"]
    bewegen = _activity(
        status=Activity.Status.PUBLISHED,
        created=at(2026, 9, 1),
        confirmed=at(2026, 11, 1),
        dates=[(at(2026, 11, 17, 10), False), (at(2026, 11, 18, 10), False)],
    )
    Activity.objects.filter(pk=bewegen.pk).update(category=Activity._meta.get_field("category").choices[1][0])
    for user in (fixture_world["staff"], fixture_world["member"]):
        tables = _page_tables(client_for(user).get("/impact/" + WITH_ORG))
        held = tables["Gehouden data per rubriek"]
        assert held[0] == ["Waar", "Wijk", org.name]
        activities = _figure_row(tables["Agenda en spreekuren"], "Activiteiten gehouden")
        walk_ins = _figure_row(tables["Agenda en spreekuren"], "Inloopspreekuren gehouden")
        headlines = [int(activities[column]) + int(walk_ins[column]) for column in (1, 2)]
        assert headlines == [4, 1]  # the district, then the organisation
        for column, headline in zip((1, 2), headlines, strict=True):
            assert sum(int(row[column]) for row in held[1:]) == headline
        assert {row[0]: row[1:] for row in held[1:]}["Bewegen"] == ["2", "0"]


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_euros_and_hours_from_a_small_count_are_hidden_in_every_download(fixture_world, client_for):
    staff = client_for(fixture_world["staff"])
    pdf = _pdf_text(staff.get("/impact/rapport.pdf" + PERIOD))
    csv, xlsx = _tables(staff, PERIOD)
    # € 80 = 1 match x € 50 + 2 hours x € 15, and the PDF prints both amounts: it would give the "< 5" away
    assert "Gerekend met € 50 per afspraak en € 15 per uur" in pdf
    for label in ("Geschatte waarde", "Uren burenhulp", "Tijd tot een afspraak", "Uren inloopspreekuur"):
        for table in (csv, xlsx):
            assert _row(table, label)["Wijk"] == "verborgen", label
        assert f"\n{label} verborgen " in pdf, label
    for table in (csv, xlsx):
        assert _row(table, "Geschatte waarde")["Wijk 2026-11"] == "verborgen"
        assert _row(table, "Uren inloopspreekuur")["Wijk 2026-09"] == "verborgen"  # of one walk-in date
    assert "€ 80" not in pdf

    page = _page_tables(staff.get("/impact/" + PERIOD))  # partners see the exact figures on the page
    assert _figure_row(page["Maatschappelijke waarde"], "Geschatte waarde")[1] == "€ 80"


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_a_total_hidden_in_the_pdf_is_hidden_in_the_csv_and_xlsx_too(fixture_world, client_for):
    """The PDF splits the visits by section (one of them "< 5"), the CSV by month (none hidden): a total
    shown in one file would give the other's hidden part back."""
    staff = client_for(fixture_world["staff"])
    pdf = _pdf_text(staff.get("/impact/rapport.pdf" + PERIOD))
    assert "\nBezochte pagina's verborgen " in pdf
    months = ["Wijk 2026-09", "Wijk 2026-10", "Wijk 2026-11", "Wijk 2026-12"]
    for table in _tables(staff, PERIOD):
        visits = _row(table, "Bezochte pagina's")
        assert visits["Wijk"] == "verborgen"
        # the months would add up to the hidden total, and give the section back: they go too
        assert {visits[m] for m in months} == {"verborgen"}


@time_machine.travel(at(2026, 12, 1, 12), tick=False)
def test_a_total_beside_a_hidden_part_is_hidden_too(fixture_world, client_for):
    DailyVisit.objects.create(day=date(2026, 9, 2), section="activities", count=3)
    staff = client_for(fixture_world["staff"])
    months = ["Wijk 2026-09", "Wijk 2026-10", "Wijk 2026-11", "Wijk 2026-12"]
    csv, xlsx = _tables(staff, PERIOD)
    # 13 visits beside 10 in November would give away the 3 of September
    assert [_row(csv, "Bezochte pagina's")[m] for m in months] == ["< 5", "0", "10", "0"]
    assert [_row(xlsx, "Bezochte pagina's")[m] for m in months] == ["< 5", 0, 10, 0]
    assert _row(csv, "Bezochte pagina's")["Wijk"] == "verborgen"
    assert _row(xlsx, "Bezochte pagina's")["Wijk"] == "verborgen"
    # a row without a hidden month keeps its total
    assert _row(csv, "Actieve bewoners")["Wijk"] == "5" and _row(xlsx, "Actieve bewoners")["Wijk"] == 5
    # the PDF shows the visits per section (Agenda 10, Verhalen 3) beside the total
    pdf = _pdf_text(staff.get("/impact/rapport.pdf" + PERIOD))
    assert "\nVerhalen < 5" in pdf and "\nBezochte pagina's verborgen " in pdf
    assert "Bezochte pagina's 13 " not in pdf

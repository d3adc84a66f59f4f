import pytest

from organisations.models import HelpTopic, Organisation
from tests.factories import OrganisationFactory
from tests.pages import html_of

pytestmark = pytest.mark.django_db


DISTRICT = [
    ("ONS Welzijn", "ons-welzijn", [HelpTopic.MEETING, HelpTopic.VOLUNTEERING]),
    ("GGD Hart voor Brabant", "ggd", [HelpTopic.HEALTH, HelpTopic.PARENTING]),
    ("BrabantWonen", "brabantwonen", [HelpTopic.HOUSING, HelpTopic.MONEY]),
    ("BrabantZorg", "brabantzorg", [HelpTopic.CARE_AT_HOME]),
    ("Schuldhulp Oss", "schuldhulp", [HelpTopic.MONEY]),
    ("Werk en Inkomen Gemeente Oss", "werk-en-inkomen", [HelpTopic.WORK_INCOME]),
    ("Sport Educatie Centrum (SEC)", "sec", [HelpTopic.EXERCISE]),
    ("Wijkagent Ruwaard", "wijkagent", [HelpTopic.SAFETY]),
    ("Wijkstichting Rucrea", "rucrea", [HelpTopic.NEIGHBOURHOOD]),
    ("Wijkraad Ruwaard", "wijkraad", [HelpTopic.NEIGHBOURHOOD]),
    ("Ons Huis van de Wijk", "ons-huis-van-de-wijk", [HelpTopic.MEETING]),
    ("D'n Iemhof", "dn-iemhof", [HelpTopic.MEETING]),
]


def test_directory_lists_the_districts_organisations_with_what_they_help_with(client):
    for name, slug, topics in DISTRICT:
        OrganisationFactory(name=name, slug=slug, help_topics=topics)
    assert_directory_shows_the_district(client)


def assert_directory_shows_the_district(client):
    """Every active organisation, the main partners and the topic labels (also the demo's)."""
    html = client.get("/organisaties/").content.decode()
    organisations = Organisation.objects.active()
    assert organisations.count() >= 12
    for organisation in organisations:
        assert organisation.name.replace("'", "&#x27;") in html
        assert organisation.get_absolute_url() in html
    for name in ["GGD", "ONS Welzijn", "BrabantWonen", "BrabantZorg", "Schuldhulp", "Wijkagent", "Rucrea"]:
        assert name in html
    assert "Geldzaken" in html and "Werk &amp; inkomen" in html


def test_topic_filter_narrows_the_directory(client):
    OrganisationFactory(name="Geldhulp", slug="geldhulp", help_topics=[HelpTopic.MONEY])
    OrganisationFactory(name="Sportclub", slug="sportclub", help_topics=[HelpTopic.EXERCISE])
    html = client.get("/organisaties/?onderwerp=geldzaken").content.decode()
    assert "Geldhulp" in html
    assert "Sportclub" not in html


def test_unknown_topic_is_ignored_with_a_message(client):
    OrganisationFactory(name="Sportclub", slug="sportclub", help_topics=[HelpTopic.EXERCISE])
    html = html_of(client.get("/organisaties/?onderwerp=<script>"))
    assert "Dit onderwerp kennen we niet" in html
    assert "Sportclub" in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_detail_page_shows_contact_and_help(client):
    OrganisationFactory(schuldhulp=True, phone="0412 - 123")
    html = client.get("/organisaties/schuldhulp/").content.decode()
    assert "<h1>Schuldhulp Oss</h1>" in html
    assert "Rekeningen die u niet kunt betalen." in html
    assert 'href="tel:0412123"' in html


def test_inactive_or_unknown_organisation_is_404(client):
    OrganisationFactory(name="Weg", slug="weg", is_active=False)
    assert client.get("/organisaties/weg/").status_code == 404
    assert client.get("/organisaties/bestaat-niet/").status_code == 404


def test_a_topic_shared_with_the_agenda_has_the_same_label_in_both():
    from activities.models import Category

    topics, categories = dict(HelpTopic.choices), dict(Category.choices)
    shared = topics.keys() & categories.keys()
    assert {"geldzaken", "werk-inkomen", "zorg-thuis", "ontmoeten", "bewegen", "gezondheid"} <= shared
    assert {value: str(topics[value]) for value in shared} == {
        value: str(categories[value]) for value in shared
    }


def test_detail_page_lists_its_walk_in_hours_and_activities_to_come(client, django_assert_max_num_queries):
    from datetime import timedelta

    from django.utils import timezone

    from activities.models import Activity
    from tests.activities.factories import ActivityFactory, walk_in

    org = OrganisationFactory(schuldhulp=True)
    soon = timezone.now() + timedelta(days=1)
    walk_in(title="Spreekuur geldzaken", organisation=org, starts_at=soon, rrule="FREQ=WEEKLY")
    ActivityFactory(title="Budgetcursus", organisation=org, starts_at=soon + timedelta(days=2), rrule="")
    ActivityFactory(title="Verlopen cursus", organisation=org, starts_at=soon - timedelta(days=30), rrule="")
    ActivityFactory(
        title="Nog niet goedgekeurd", organisation=org, starts_at=soon, status=Activity.Status.PENDING
    )
    ActivityFactory(title="Van een ander", starts_at=soon)
    with django_assert_max_num_queries(8):
        html = html_of(client.get("/organisaties/schuldhulp/"))
    walk_ins = html.split('id="org-inloop"', 1)[1].split("</section>", 1)[0]
    activities = html.split('id="org-activiteiten"', 1)[1].split("</section>", 1)[0]
    assert "Spreekuur geldzaken" in walk_ins and "Volgende keer:" in walk_ins
    assert "Budgetcursus" in activities and 'href="/agenda/?organisatie=schuldhulp"' in activities
    for hidden in ("Verlopen cursus", "Nog niet goedgekeurd", "Van een ander"):
        assert hidden not in html


def test_detail_page_without_anything_to_come_has_no_empty_lists(client):
    OrganisationFactory(schuldhulp=True)
    html = html_of(client.get("/organisaties/schuldhulp/"))
    assert 'id="org-inloop"' not in html and 'id="org-activiteiten"' not in html

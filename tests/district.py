"""A whole district built with factories, for the browser tests and the benchmarks.

As large as the demo (15 organisations, 44 activities, 10 walk-in hours, 25 listings, 6 stories, two
prevention groups with notices) but made of generic rows: tests that need particular content build it.
"""

from datetime import timedelta

from django.utils import timezone

from accounts import roles
from home.services import ensure_home_page, ensure_root_collection
from organisations.models import HelpTopic
from search.indexing import rebuild_index
from tests.activities.factories import ActivityFactory, LocationFactory, walk_in
from tests.factories import MembershipFactory as OrganisationMembershipFactory
from tests.factories import OrganisationFactory, UserFactory
from tests.marketplace.factories import ListingFactory, MessageFactory
from tests.notices.factories import MembershipFactory, NoticeFactory, PreventionGroupFactory
from tests.stories.factories import EditionFactory, ThemeFactory, make_story

CATEGORIES = ["ontmoeten", "bewegen", "eten", "creatief", "digitaal", "gezondheid", "kinderen-gezin"]
LISTING_CATEGORIES = ["boodschappen", "klussen", "tuin", "vervoer", "gezelschap", "computer", "taal"]
AREAS = ["noord", "midden", "zuid", "heel"]


def build_district() -> dict:
    """The rows of a busy district; returns the people by role."""
    ensure_root_collection()
    ensure_home_page()
    people = {
        "resident": UserFactory(email="bewoner@example.org", display_name="Fatma", roles=[roles.BEWONER]),
        "volunteer": UserFactory(
            email="vrijwilliger@example.org", display_name="Henk", roles=[roles.BEWONER, roles.VRIJWILLIGER]
        ),
        "professional": UserFactory(
            email="professional@example.org", display_name="Sanne", roles=[roles.PROFESSIONAL]
        ),
        "coordinator": UserFactory(
            email="coordinator@example.org", display_name="Kees", roles=[roles.BEWONER]
        ),
        "member": UserFactory(email="lid@example.org", display_name="Anouk", roles=[roles.BEWONER]),
    }
    organisations = [
        OrganisationFactory(
            name="Schuldhulp Oss", slug="schuldhulp", help_topics=[HelpTopic.MONEY], phone="0412 - 62 39 00"
        )
    ]
    organisations += [OrganisationFactory() for _ in range(14)]
    OrganisationMembershipFactory(organisation=organisations[1], user=people["professional"], role="admin")

    now = timezone.now()
    locations = [LocationFactory() for _ in range(6)]
    for n in range(44):
        ActivityFactory(
            title=f"Koffie en activiteit {n}",
            category=CATEGORIES[n % len(CATEGORIES)],
            location=locations[n % len(locations)],
            organisation=organisations[n % len(organisations)],
            owner=people["professional"],
            starts_at=now + timedelta(days=n % 7, hours=1 + n % 5),
            rrule="FREQ=WEEKLY" if n % 3 else "",
        )
    for n in range(10):
        walk_in(
            title="Inloopspreekuur van Schuldhulp" if n == 0 else f"Inloopspreekuur {n}",
            topic="Geldzaken en schulden" if n == 0 else f"Spreekuur {n}",
            category="geldzaken",
            organisation=organisations[n],
            location=locations[0],
            owner=people["professional"],
            starts_at=now + timedelta(days=n % 5, hours=1),
            rrule="FREQ=WEEKLY",
        )
    owners = [people["resident"], people["volunteer"], people["coordinator"], people["member"]]
    listings = [
        ListingFactory(
            owner=owners[n % len(owners)],
            kind="vraag" if n % 2 else "aanbod",
            category=LISTING_CATEGORIES[n % len(LISTING_CATEGORIES)],
            area=AREAS[n % len(AREAS)],
            created_at=now - timedelta(days=n % 12),
        )
        for n in range(25)
    ]
    MessageFactory(
        conversation__response__listing=listings[0],
        conversation__response__responder=people["volunteer"],
        text="Ik kan u donderdagochtend helpen.",
    )

    editions = [EditionFactory(), EditionFactory()]
    themes = [ThemeFactory() for _ in range(3)]
    for n in range(6):
        make_story(days_ago=n + 1, edition=editions[n % 2], themes=[themes[n % 3]])

    north = PreventionGroupFactory(name="Buurtpreventie Ruwaard-Noord", slug="ruwaard-noord")
    south = PreventionGroupFactory(name="Buurtpreventie Ruwaard-Zuid", slug="ruwaard-zuid")
    for group in (north, south):
        MembershipFactory(group=group, user=people["coordinator"], role="coordinator")
    MembershipFactory(group=north, user=people["member"])
    for n in range(6):
        NoticeFactory(group=north if n % 3 else south, author=people["coordinator"])
    rebuild_index()
    return people

"""Demo prevention groups, memberships and notices, dated relative to now."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User

from .models import NOTICE_LIFETIME, Membership, Notice, PreventionGroup

GROUPS = [
    {
        "slug": "ruwaard-noord",
        "name": "Buurtpreventie Ruwaard-Noord",
        "area": "De straten rond de Kastanjelaan en Ons Huis van de Wijk",
        "description": "We lopen twee avonden per week een ronde. We letten op open ramen, "
        "fietsen zonder slot en kapotte lantaarns. Samen met de wijkagent.",
    },
    {
        "slug": "ruwaard-zuid",
        "name": "Buurtpreventie Ruwaard-Zuid",
        "area": "De straten rond D'n Iemhof en de Ruwaardstraat",
        "description": "Bewoners van Ruwaard-Zuid houden een oogje in het zeil. Loopt u een keer mee?",
    },
]

# (group slug, author e-mail, level, street, hours ago, text)
NOTICES = [
    (
        "ruwaard-noord",
        "coordinator@example.org",
        "ronde-verslag",
        "Kastanjelaan",
        20,
        "Ronde gelopen met drie mensen. Twee schuurdeuren stonden open, de bewoners weten het nu. "
        "Verder rustig.",
    ),
    (
        "ruwaard-noord",
        "lid@example.org",
        "urgent",
        "Lindenlaan",
        3,
        "Iemand probeert bij nummer 20 de achterdeur te openen. Politie is gebeld.",
    ),
    (
        "ruwaard-noord",
        "lid@example.org",
        "info",
        "Berkenstraat",
        6,
        "De lantaarnpaal bij het speeltuintje is kapot. Ik heb het gemeld bij de gemeente.",
    ),
    (
        "ruwaard-noord",
        "coordinator@example.org",
        "oproep",
        "",
        26,
        "Wie loopt donderdagavond mee? We starten om 20.00 uur bij Ons Huis van de Wijk.",
    ),
    (
        "ruwaard-noord",
        "coordinator@example.org",
        "info",
        "Kastanjelaan",
        60,
        "Oude melding: de bestelbus zonder kenteken is weggesleept.",
    ),
    (
        "ruwaard-zuid",
        "coordinator@example.org",
        "info",
        "Ruwaardstraat",
        10,
        "Let op: er gaan mensen langs de deuren die zeggen dat ze van het energiebedrijf zijn. "
        "Vraag altijd een pasje.",
    ),
]


def load(*, today, stdout) -> None:
    groups = {}
    for item in GROUPS:
        data = dict(item)
        slug = data.pop("slug")
        groups[slug], _ = PreventionGroup.objects.update_or_create(slug=slug, defaults=data)
    users = {
        u.email: u
        for u in User.objects.filter(
            email__in=["coordinator@example.org", "lid@example.org", "bewoner@example.org"]
        )
    }
    if len(users) < 3:
        stdout.write("  notices: demo accounts missing, skipped")
        return
    now = timezone.now()
    north, south = groups["ruwaard-noord"], groups["ruwaard-zuid"]
    approved = {"status": Membership.Status.APPROVED, "approved_at": now}
    _member(north, users["coordinator@example.org"], role=Membership.Role.COORDINATOR, **approved)
    _member(south, users["coordinator@example.org"], role=Membership.Role.COORDINATOR, **approved)
    _member(north, users["lid@example.org"], role=Membership.Role.MEMBER, email_urgent=True, **approved)
    _member(
        north, users["bewoner@example.org"], role=Membership.Role.MEMBER, status=Membership.Status.REQUESTED
    )
    for slug, email, level, street, hours_ago, text in NOTICES:
        created = now - timedelta(hours=hours_ago)
        Notice.objects.update_or_create(
            group=groups[slug],
            text=text,
            defaults={
                "author": users[email],
                "level": level,
                "street": street,
                "created_at": created,
                "expires_at": created + NOTICE_LIFETIME,
            },
        )
    stdout.write(f"  notices: {len(GROUPS)} prevention groups, {len(NOTICES)} notices")


def _member(group, user, **defaults) -> Membership:
    membership, _ = Membership.objects.update_or_create(group=group, user=user, defaults=defaults)
    return membership

import io

from django.utils import timezone

from demo import loader
from notices.models import Membership, Notice, PreventionGroup


def test_demo_has_two_groups_with_roles_and_every_level_and_loads_twice_without_duplicates(db):
    out = io.StringIO()
    loader.load(today=timezone.localdate(), stdout=out)
    loader.load(today=timezone.localdate(), stdout=out)

    assert PreventionGroup.objects.count() == 2
    north = PreventionGroup.objects.get(slug="ruwaard-noord")
    roles = {
        m.user.email: (m.role, m.status)
        for m in Membership.objects.filter(group=north).select_related("user")
    }
    assert roles == {
        "coordinator@example.org": ("coordinator", "approved"),
        "lid@example.org": ("member", "approved"),
        "bewoner@example.org": ("member", "requested"),
    }
    assert Notice.objects.count() == len(loader.data("notices")["notices"])
    active_levels = set(Notice.objects.active().filter(group=north).values_list("level", flat=True))
    assert active_levels == {"urgent", "info", "ronde-verslag", "oproep"}
    assert Notice.objects.exclude(pk__in=Notice.objects.active()).count() == 1  # one already expired

"""How a person reads their prevention groups and notices in the privacy export (``accounts.readable``)."""

from operator import attrgetter

from django.utils.translation import gettext_lazy as _

from accounts.readable import ReadableKind

from .models import Acknowledgement, Membership, Notice

KINDS = [
    ReadableKind(
        model=Membership,
        heading=attrgetter("group.name"),
        fields=("role", "status", "requested_at", "approved_at"),
        select_related=("group",),
    ),
    ReadableKind(
        model=Notice,
        heading=attrgetter("text"),
        fields=("group", "level", "street", "created_at", "expires_at", "status", "status_at"),
        select_related=("group",),
        user_fields=("author",),  # not the notices whose status a coordinator set
    ),
    ReadableKind(
        model=Acknowledgement,
        title=_("Buurtpreventiemeldingen die u heeft gezien"),
        heading=attrgetter("notice.group.name"),  # not the notice's text: a neighbour wrote that
        fields=("created_at",),
        select_related=("notice__group",),
    ),
]

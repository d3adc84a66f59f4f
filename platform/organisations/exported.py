"""How a person reads their place in organisations in the privacy export (``accounts.readable``)."""

from operator import attrgetter

from django.utils.translation import gettext_lazy as _

from accounts.readable import ReadableKind

from .models import Membership

KINDS = [
    ReadableKind(
        model=Membership,
        heading=attrgetter("organisation.name"),
        fields=("role", (_("lid sinds"), attrgetter("created_at"))),
        select_related=("organisation",),
    ),
]

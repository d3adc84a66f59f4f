"""The query-string filter of the queue: ``soort`` (listing, message, activity, notice, story)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import QueryFilterSet

from . import registry
from .models import Report


def kind_choices() -> list[tuple[str, str]]:
    return [(kind.name, kind.label) for kind in registry.kinds().values()]


class QueueFilterSet(QueryFilterSet):
    soort = django_filters.ChoiceFilter(choices=kind_choices, method="keep")
    unknown_messages = {"soort": _("Deze soort kennen we niet. We tonen alles.")}

    def __init__(self, data=None, *args, **kwargs):
        # The queue is a list gathered from every kind; this filter set only reads and checks the value.
        kwargs.setdefault("queryset", Report.objects.none())
        super().__init__(data, *args, **kwargs)

    def keep(self, queryset, name, value):
        return queryset

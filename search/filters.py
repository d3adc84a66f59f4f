"""The query-string filters of the search page."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import QueryFilterSet

from .models import DocType


class SearchFilterSet(QueryFilterSet):
    """`soort`: one kind of result. A kind we do not know is dropped and explained."""

    soort = django_filters.ChoiceFilter(choices=DocType.choices)

    unknown_messages = {"soort": _("Deze soort kennen we niet. We tonen alle soorten.")}

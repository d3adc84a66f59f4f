"""The query-string filter of the directory: what an organisation helps with."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import QueryFilterSet

from .models import HelpTopic, Organisation


class OrganisationFilterSet(QueryFilterSet):
    onderwerp = django_filters.ChoiceFilter(choices=HelpTopic.choices, method="filter_topic")

    unknown_messages = {"onderwerp": _("Dit onderwerp kennen we niet. We tonen alle organisaties.")}

    class Meta:
        model = Organisation
        fields: list[str] = []

    def filter_topic(self, queryset, name, value):
        return queryset.helping_with(value)

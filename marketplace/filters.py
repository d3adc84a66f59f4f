"""The query-string filters of the marketplace list: soort, categorie, buurt."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import QueryFilterSet

from .models import Area, Category, Kind, Listing

UNKNOWN_CHOICE = _("Een keuze in het filter kennen we niet. We tonen alles daarvoor.")


class ListingFilterSet(QueryFilterSet):
    soort = django_filters.ChoiceFilter(field_name="kind", choices=Kind.choices)
    categorie = django_filters.ChoiceFilter(field_name="category", choices=Category.choices)
    buurt = django_filters.ChoiceFilter(field_name="area", choices=Area.choices)

    unknown_messages = {"soort": UNKNOWN_CHOICE, "categorie": UNKNOWN_CHOICE, "buurt": UNKNOWN_CHOICE}

    class Meta:
        model = Listing
        fields = ["soort", "categorie", "buurt"]

    @property
    def query(self) -> dict[str, str]:
        """The valid filters as query-string pairs, for links that keep them."""
        return {name: value for name, value in self.values.items() if value}

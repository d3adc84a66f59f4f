"""Query-string filters, one way for every list: a ``django_filters.FilterSet`` that never fails.

A wrong value in the address (an old link, a typo) is left out and explained in plain Dutch; the list
still shows. Each filter may name its own explanation with ``unknown=...`` (a sentence that may use
``%(value)s``); otherwise :data:`UNKNOWN` is used. Views read :attr:`QueryFilterSet.problems` and show
them; selectors read :attr:`QueryFilterSet.values` (only the valid ones) or filter with ``.qs``.
"""

from __future__ import annotations

import contextlib

import django_filters
from django.utils.translation import gettext_lazy as _

UNKNOWN = _("Een keuze in het filter kennen we niet. We tonen alles daarvoor.")


class QueryFilterSet(django_filters.FilterSet):
    #: filter name -> explanation shown when its value is not valid
    unknown_messages: dict[str, str] = {}

    def __init__(self, data=None, *args, **kwargs):
        # An empty query string is "no filter", not a bound form with every field missing.
        super().__init__(data if data is not None else {}, *args, **kwargs)

    @property
    def values(self) -> dict:
        """The valid values only; a wrong one is simply absent."""
        self.is_valid()  # validate once
        return {name: value for name, value in self.form.cleaned_data.items() if name not in self.form.errors}

    @property
    def problems(self) -> list[str]:
        """One Dutch sentence per wrong value, in the order of the filters."""
        messages = []
        for name in self.form.errors:
            raw = self.data.get(name, "") if hasattr(self.data, "get") else ""
            template = self.unknown_messages.get(name) or getattr(self.filters.get(name), "unknown", None)
            text = str(template or UNKNOWN)
            with contextlib.suppress(KeyError, TypeError, ValueError):
                text = text % {"value": raw}
            if text not in messages:
                messages.append(text)
        return messages

"""The agenda's query-string filters: /agenda/, its iCal feed and the printed week overview.

A wrong value never fails the page: it is left out and explained (``filterset.problems``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.filters import QueryFilterSet
from organisations.models import Organisation

from .models import Activity, Audience, Category, Location, Occurrence

WHEN_CHOICES = [
    ("vandaag", _("Vandaag")),
    ("morgen", _("Morgen")),
    ("week", _("Deze week")),
    ("weekend", _("Weekend")),
    ("volgende-week", _("Volgende week")),
]
KIND_CHOICES = [("activiteit", _("Activiteiten")), ("inloopspreekuur", _("Inloopspreekuren"))]
KIND_VALUES = {"activiteit": Activity.Kind.ACTIVITY, "inloopspreekuur": Activity.Kind.WALK_IN}
YES = {"1", "ja", "true", "on"}
NO = {"0", "nee", "false"}
DEFAULT_WHEN = "week"


@dataclass(frozen=True)
class Choice:
    """One thing the visitor chose: how it reads, and what leaves the address to undo it."""

    label: str
    name: str
    value: str | None = None  # only this value of a name that can be given more than once
    category: str = ""  # a category shows its icon on its chip


def period_for(when: str, today: date) -> tuple[date, date] | None:
    """The [start, end) days of a `wanneer` value, or None when it means nothing."""
    if when == "vandaag":
        return today, today + timedelta(days=1)
    if when == "morgen":
        return today + timedelta(days=1), today + timedelta(days=2)
    if when == "week":
        return today, today + timedelta(days=7)
    if when == "volgende-week":  # the seven days after "deze week"
        return today + timedelta(days=7), today + timedelta(days=14)
    if when == "weekend":
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        if today.weekday() == 6:
            saturday = today - timedelta(days=1)
        return max(saturday, today), saturday + timedelta(days=2)
    try:
        day = date.fromisoformat(when)
    except ValueError:
        return None
    if abs((day - today).days) > 366:
        return None
    return day, day + timedelta(days=1)


class PeriodField(forms.CharField):
    """A `wanneer` value ("vandaag", "weekend", "2026-06-12") cleaned to its [start, end) days."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        period = period_for(value, timezone.localdate())
        if period is None:
            raise forms.ValidationError("unknown period", code="invalid")
        return period


class YesNoField(forms.CharField):
    """ "1", "ja", "true", "on" mean yes; "0", "nee", "false" and nothing mean no; anything else is wrong."""

    def clean(self, value):
        value = (super().clean(value) or "").lower()
        if value in YES:
            return True
        if not value or value in NO:
            return False
        raise forms.ValidationError("not yes or no", code="invalid")


class KnownValuesField(forms.MultipleChoiceField):
    """Keeps the known values and remembers the others, so one wrong rubric does not drop the right ones."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rejected: list[str] = []

    def validate(self, value):
        self.rejected = [v for v in value if v and not self.valid_value(v)]  # empty: "alle rubrieken"

    def clean(self, value):
        values = [v for v in super().clean(value) if v]
        return [v for v in values if v not in self.rejected]


class KnownValuesFilter(django_filters.MultipleChoiceFilter):
    field_class = KnownValuesField


class PeriodFilter(django_filters.Filter):
    field_class = PeriodField


class YesNoFilter(django_filters.Filter):
    field_class = YesNoField


class AgendaFilterSet(QueryFilterSet):
    """The agenda's filters; ``period`` is always set (this week unless the address says otherwise)."""

    wanneer = PeriodFilter(method="filter_nothing")
    categorie = KnownValuesFilter(field_name="activity__category", choices=Category.choices)
    voor = django_filters.ChoiceFilter(choices=Audience.choices, method="filter_audience")
    locatie = django_filters.ModelChoiceFilter(
        field_name="activity__location", to_field_name="slug", queryset=Location.objects.all()
    )
    gratis = YesNoFilter(method="filter_free")
    toegankelijk = YesNoFilter(method="filter_accessible")
    soort = django_filters.ChoiceFilter(choices=KIND_CHOICES, method="filter_kind")
    organisatie = django_filters.ModelChoiceFilter(
        field_name="activity__organisation", to_field_name="slug", queryset=Organisation.objects.all()
    )

    unknown_messages = {
        "wanneer": _("We kennen de datum „%(value)s” niet. U ziet nu deze week."),
        "voor": _("„%(value)s” kennen we niet als doelgroep. Die keuze is weggelaten."),
        "locatie": _("De locatie „%(value)s” kennen we niet. Die keuze is weggelaten."),
        "gratis": _("„%(value)s” is geen goede keuze bij gratis. Die keuze is weggelaten."),
        "toegankelijk": _("„%(value)s” is geen goede keuze bij toegankelijk. Die keuze is weggelaten."),
        "soort": _("De soort „%(value)s” kennen we niet. Die keuze is weggelaten."),
        "organisatie": _("De organisatie „%(value)s” kennen we niet. Die keuze is weggelaten."),
    }
    unknown_category = _("De rubriek „%(value)s” bestaat niet. Die keuze is weggelaten.")

    def __init__(self, data=None, *args, default_days: int = 7, **kwargs):
        kwargs.setdefault("queryset", Occurrence.objects.visible())
        super().__init__(data, *args, **kwargs)
        self.default_days = default_days

    @property
    def period(self) -> tuple[date, date]:
        """The [start, end) days to show: the chosen period, else this week (or `default_days`)."""
        chosen = self.values.get("wanneer")
        if chosen:
            return chosen
        today = timezone.localdate()
        if "wanneer" in self.errors or (self.data.get("wanneer") or "").strip():
            return period_for(DEFAULT_WHEN, today)
        return today, today + timedelta(days=self.default_days)

    @property
    def when(self) -> str:
        """The `wanneer` choice to mark in the form."""
        return (self.data.get("wanneer") or "").strip() if self.values.get("wanneer") else DEFAULT_WHEN

    @property
    def problems(self) -> list[str]:
        messages = super().problems
        self.is_valid()
        for value in self.form.fields["categorie"].rejected:
            messages.append(str(self.unknown_category % {"value": value}))
        return messages

    @property
    def when_label(self) -> str:
        """How the chosen `wanneer` reads on its chip: a choice's name, or a day as "dinsdag 15 december"."""
        try:
            return date_format(date.fromisoformat(self.when), "l j F")
        except ValueError:
            return str(dict(WHEN_CHOICES).get(self.when, self.when))

    def chosen(self) -> list[Choice]:
        """What the visitor chose, in the order of the form: the agenda's removable chips."""
        values = self.values
        found = [Choice(self.when_label, "wanneer")] if self.when != DEFAULT_WHEN else []
        found += [
            Choice(str(dict(Category.choices)[value]), "categorie", value, category=value)
            for value in values.get("categorie") or []
        ]
        if values.get("voor"):
            found.append(Choice(str(dict(Audience.choices)[values["voor"]]), "voor"))
        for name in ("locatie", "organisatie"):
            if values.get(name):
                found.append(Choice(values[name].name, name))
        if values.get("soort"):
            found.append(Choice(str(dict(KIND_CHOICES)[values["soort"]]), "soort"))
        if values.get("gratis"):
            found.append(Choice(str(_("Gratis")), "gratis"))
        if values.get("toegankelijk"):
            found.append(Choice(str(_("Toegankelijk")), "toegankelijk"))
        return found

    def chosen_labels(self) -> list[str]:
        """What the visitor chose, as it reads (for a page that cannot show the removable chips)."""
        return [choice.label for choice in self.chosen()]

    def filter_nothing(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset  # the period is applied by the selector, with its day bounds

    def filter_audience(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # JSON containment is not portable to SQLite; the list is short, so match the stored text.
        return queryset.filter(
            Q(activity__audiences__icontains=f'"{value}"') | Q(activity__audiences__icontains='"iedereen"')
        )

    def filter_free(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(
            Q(activity__cost__isnull=True) | Q(activity__cost=0), activity__cost_known=True
        )

    def filter_accessible(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(activity__location__is_accessible=True) if value else queryset

    def filter_kind(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(activity__kind=KIND_VALUES[value])

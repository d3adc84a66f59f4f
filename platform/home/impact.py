"""Figures of use and results, for partners and funders (/impact/).

Each app answers for its own figures through selectors (`impact_counts(*, start, end, now)` and a few
breakdowns); this module chooses the period, puts the months side by side and derives the rates.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import accounts.selectors
import activities.selectors
import marketplace.selectors
import notices.selectors
import stories.selectors
from activities.models import Category as ActivityCategory
from marketplace.models import Area, Category, Kind
from organisations.models import Organisation
from organisations.selectors import organisations_of

from .models import DailyVisit

UNITS = {"count": _("aantal"), "share": "%", "hours": _("uur"), "euros": _("euro")}


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    explanation: str
    theme: str
    kind: str = "count"  # count | share | hours | euros
    per_organisation: bool = False

    @property
    def unit(self) -> str:
        return str(UNITS[self.kind])


THEMES = [
    ("reach", _("Bereik")),
    ("help", _("Burenhulp")),
    ("agenda", _("Agenda en spreekuren")),
    ("district", _("Verhalen en buurtpreventie")),
    ("value", _("Maatschappelijke waarde")),
]

FIGURES = [
    Figure("new_accounts", _("Nieuwe accounts"), _("Mensen die een account maakten."), "reach"),
    Figure(
        "active_residents",
        _("Actieve bewoners"),
        _("Mensen die iets plaatsten, reageerden of een melding zagen."),
        "reach",
    ),
    Figure(
        "visits",
        _("Bezochte pagina's"),
        _("Pagina's die werden getoond, geteld per dag, zonder wie."),
        "reach",
    ),
    Figure("asks", _("Hulpvragen geplaatst"), _("Nieuwe vragen in vraag en aanbod."), "help"),
    Figure("offers", _("Hulpaanbod geplaatst"), _("Nieuw aanbod in vraag en aanbod."), "help"),
    Figure(
        "matches",
        _("Afspraken gemaakt"),
        _("Reacties die de plaatser aannam: een vraag en een helper vonden elkaar."),
        "help",
    ),
    Figure(
        "match_rate",
        _("Vragen met een helper"),
        _("Deel van de vragen uit deze periode dat nu een helper heeft."),
        "help",
        "share",
    ),
    Figure(
        "median_match_hours",
        _("Tijd tot een afspraak"),
        _("Mediaan in uren van plaatsen tot aangenomen reactie."),
        "help",
        "hours",
    ),
    Figure(
        "ja",
        _("Gelukt"),
        _("Afspraken waarvan iemand zei: het is gelukt (met „Het is klaar” of op de vraag: is het gelukt?)."),
        "help",
    ),
    Figure(
        "volunteer_hours",
        _("Uren burenhulp"),
        _("Opgegeven duur per afspraak (de langste van beide kanten), in uren."),
        "help",
        "hours",
    ),
    Figure(
        "activity_dates",
        _("Activiteiten gehouden"),
        _("Data die al voorbij zijn, niet afgelast, van een activiteit die toen in de agenda stond."),
        "agenda",
        per_organisation=True,
    ),
    Figure(
        "walk_in_dates",
        _("Inloopspreekuren gehouden"),
        _("Spreekuren die al voorbij zijn, niet afgelast, toen in de agenda."),
        "agenda",
        per_organisation=True,
    ),
    Figure(
        "walk_in_hours",
        _("Uren inloopspreekuur"),
        _("Samen de duur van de gehouden spreekuren, in uren."),
        "agenda",
        "hours",
        per_organisation=True,
    ),
    Figure(
        "current_share",
        _("Actueel gehouden"),
        _("Deel van de gehouden data waarvan de activiteit in de 8 weken ervoor (of later) bevestigd is."),
        "agenda",
        "share",
        per_organisation=True,
    ),
    Figure(
        "stories",
        _("Verhalen gepubliceerd"),
        _("Verhalen van bewoners die voor het eerst op de site kwamen."),
        "district",
    ),
    Figure("notices", _("Meldingen buurtpreventie"), _("Meldingen in de preventiegroepen."), "district"),
    Figure(
        "acknowledgements",
        _("Meldingen gezien"),
        _("Keren dat een lid 'gezien' aanklikte bij een melding."),
        "district",
    ),
    Figure(
        "value",
        _("Geschatte waarde"),
        _("Afspraken maal het bedrag per afspraak plus uren maal het bedrag per uur, in euro."),
        "value",
        "euros",
    ),
]
FIGURES_BY_KEY = {f.key: f for f in FIGURES}

SECTION_LABELS = {
    "home": _("Algemeen"),
    "page:homepage": _("Voorpagina"),
    "activities": _("Agenda"),
    "marketplace": _("Vraag en aanbod"),
    "stories": _("Verhalen"),
    "page:storypage": _("Verhalen"),
    "page:storyindexpage": _("Verhalen"),
    "notices": _("Buurtpreventie"),
    "organisations": _("Organisaties"),
    "search": _("Zoeken"),
    "accounts": _("Mijn account"),
}


def can_see_impact(user) -> bool:
    """Staff, moderators, editors and members of a partner organisation (for links to /impact/ too)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser or user.is_moderator or user.is_editor:
        return True
    return organisations_of(user=user).exists()


def sees_all_organisations(user) -> bool:
    return bool(user.is_staff or user.is_superuser or user.is_moderator or user.is_editor)


def figure_columns(*, organisation: Organisation | None) -> list[tuple[str, str]]:
    """The columns of the figure tables, as the page shows them; every download has the same."""
    return [
        ("figure", _("Cijfer")),
        ("district", _("Wijk")),
        *([("organisation", organisation.name)] if organisation else []),
        ("explanation", _("Wat telt")),
    ]


# --- the period -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # inclusive

    @property
    def label(self) -> str:
        return f"{self.first:%d-%m-%Y} – {self.last:%d-%m-%Y}"

    @property
    def slug(self) -> str:
        return f"{self.first:%Y-%m-%d}-tot-{self.last:%Y-%m-%d}"

    def months(self) -> list["Period"]:
        parts, first = [], self.first
        while first <= self.last:
            following = _next_month(first)
            parts.append(Period(first, min(self.last, date.fromordinal(following.toordinal() - 1))))
            first = following
        return parts


def _next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def month_starts(*, today: date, months: int) -> list[date]:
    """The first day of each of the last `months` months, oldest first, this month included."""
    firsts = []
    year, month = today.year, today.month
    for _month in range(months):
        firsts.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return list(reversed(firsts))


def named_period(name: str, *, today: date) -> Period:
    """This month, quarter or year, up to and including today."""
    if name == "maand":
        return Period(today.replace(day=1), today)
    if name == "jaar":
        return Period(date(today.year, 1, 1), today)
    return Period(date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today)


MAX_DAYS = 3 * 366


DEFAULT_PERIOD = "kwartaal"


class ImpactFilterForm(forms.Form):
    """The address of /impact/: ?periode=maand|kwartaal|jaar or ?van=&tot=, and ?organisatie=<slug>."""

    periode = forms.ChoiceField(
        label=_("Periode"),
        required=False,
        choices=[("maand", _("Deze maand")), ("kwartaal", _("Dit kwartaal")), ("jaar", _("Dit jaar"))],
    )
    van = forms.DateField(label=_("Van"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    organisatie = forms.ChoiceField(label=_("Organisatie"), required=False)

    error_messages = {
        "periode": _("De periode „%(value)s” kennen we niet. We tonen dit kwartaal."),
        "van": _("De datum „%(value)s” klopt niet. Schrijf hem als JJJJ-MM-DD."),
        "tot": _("De datum „%(value)s” klopt niet. Schrijf hem als JJJJ-MM-DD."),
        "organisatie": _("De organisatie „%(value)s” kunt u hier niet kiezen."),
    }

    def __init__(self, data, *, organisations: list[Organisation], district: bool = True):
        super().__init__(data)
        own = [(o.slug, o.name) for o in organisations]
        # Only who sees every organisation may look at the district alone.
        self.fields["organisatie"].choices = [("", _("Alleen de wijk")), *own] if district else own
        self.organisations = {o.slug: o for o in organisations}

    def clean(self):
        data = super().clean()
        first, last = data.get("van"), data.get("tot")
        if first and last and first > last:
            raise forms.ValidationError(_("De begindatum ligt na de einddatum. We tonen dit kwartaal."))
        if first and last and (last - first).days > MAX_DAYS:
            raise forms.ValidationError(_("Kies een periode van hoogstens drie jaar. We tonen dit kwartaal."))
        if bool(first) != bool(last) and not self.errors:
            raise forms.ValidationError(_("Vul zowel 'van' als 'tot en met' in. We tonen dit kwartaal."))
        return data

    def problems(self) -> list[str]:
        messages = []
        for name, errors in self.errors.items():
            if name in self.error_messages:
                messages.append(str(self.error_messages[name]) % {"value": self.data.get(name, "")})
            else:
                messages.extend(str(e) for e in errors)
        return messages


@dataclass
class Selection:
    period: Period
    organisation: Organisation | None
    problems: list[str] = field(default_factory=list)
    form: ImpactFilterForm | None = None


def choose(*, data, user, today: date | None = None) -> Selection:
    """Read the query string; a wrong value is explained and replaced by the default."""
    today = today or timezone.localdate()
    everything = sees_all_organisations(user)
    if everything:
        organisations = list(Organisation.objects.filter(is_active=True).order_by("name"))
    else:
        organisations = list(organisations_of(user=user).order_by("name"))
    # The form shows what the figures are for: the default quarter, and one's own organisation.
    asked = {name: (data.get(name) or "").strip() for name in ImpactFilterForm.base_fields}
    asked["periode"] = asked["periode"] or DEFAULT_PERIOD
    if not asked["organisatie"] and not everything and organisations:
        asked["organisatie"] = organisations[0].slug
    form = ImpactFilterForm(asked, organisations=organisations, district=everything)
    form.is_valid()
    values = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    if values.get("van") and values.get("tot") and not form.non_field_errors():
        period = Period(values["van"], values["tot"])
    elif asked["van"] or asked["tot"]:
        period = named_period(DEFAULT_PERIOD, today=today)
        if not form.errors.get("periode") and asked["periode"] != DEFAULT_PERIOD:
            # The dates' message says "we show this quarter": so does the form, bound anew (same errors).
            form = ImpactFilterForm(
                {**asked, "periode": DEFAULT_PERIOD}, organisations=organisations, district=everything
            )
            form.is_valid()
    else:
        period = named_period(values.get("periode") or DEFAULT_PERIOD, today=today)
    organisation = form.organisations.get(values.get("organisatie") or "")
    if organisation is None and not everything and organisations:
        organisation = organisations[0]
    return Selection(period=period, organisation=organisation, problems=form.problems(), form=form)


# --- the figures ------------------------------------------------------------------------------


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def bounds(period: Period) -> tuple[datetime, datetime]:
    return _aware(period.first), _aware(date.fromordinal(period.last.toordinal() + 1))


def amount(name: str) -> Decimal:
    try:
        return Decimal(str(getattr(settings, name, "0")).replace(",", "."))
    except InvalidOperation:
        return Decimal(0)


def value_source() -> dict:
    return {
        "per_match": amount("IMPACT_VALUE_PER_MATCH"),
        "per_hour": amount("IMPACT_VALUE_PER_HOUR"),
        "source": getattr(settings, "IMPACT_VALUE_SOURCE", ""),
    }


def _active_residents(*, start: datetime, end: datetime) -> int:
    sources = marketplace.selectors.active_user_ids(start=start, end=end) + notices.selectors.active_user_ids(
        start=start, end=end
    )
    who = Q()
    for ids in sources:
        who |= Q(pk__in=ids)
    return get_user_model().objects.filter(who).count()


def _visits(*, period: Period) -> int:
    total = DailyVisit.objects.filter(day__gte=period.first, day__lte=period.last).aggregate(n=Sum("count"))
    return total["n"] or 0


def district_figures(*, period: Period, now: datetime | None = None) -> dict:
    """Every figure of FIGURES for the whole district over `period`."""
    now = now or timezone.now()
    start, end = bounds(period)
    raw: dict = {}
    for source in (accounts.selectors, marketplace.selectors, stories.selectors, notices.selectors):
        raw.update(source.impact_counts(start=start, end=end, now=now))
    raw.update(activities.selectors.impact_counts(start=start, end=end, now=now))
    raw["active_residents"] = _active_residents(start=start, end=end)
    raw["visits"] = _visits(period=period)
    return derive(raw)


def organisation_figures(*, period: Period, organisation: Organisation, now: datetime | None = None) -> dict:
    """The figures that belong to one organisation (its activities and walk-in hours)."""
    start, end = bounds(period)
    raw = activities.selectors.impact_counts(
        start=start, end=end, now=now or timezone.now(), organisation=organisation
    )
    return {key: value for key, value in derive(raw).items() if FIGURES_BY_KEY[key].per_organisation}


class Share(float):
    """A percentage that keeps the two counts it was computed from (a download hides it when they are small)."""

    def __new__(cls, part: int, whole: int):
        share = super().__new__(cls, round(100 * part / whole, 1))
        share.part, share.whole = part, whole
        return share

    def __getnewargs__(self):
        return self.part, self.whole


class FromCounts:
    """Hours or euros that keep the counts they were computed from (a download hides them when one is small)."""

    def __new__(cls, value, *counts: int):
        number = super().__new__(cls, value)
        number.counts = counts
        return number

    def __getnewargs__(self):
        return self.real, *self.counts


class Hours(FromCounts, float):
    pass


class Euros(FromCounts, int):
    pass


def _ratio(part: int, whole: int) -> Share | None:
    return Share(part, whole) if whole else None


def derive(raw: dict) -> dict:
    """From the apps' counts to the figures on the page (rates, hours, value)."""
    figures = {key: raw[key] for key in FIGURES_BY_KEY if key in raw}
    held = raw.get("activity_dates", 0) + raw.get("walk_in_dates", 0)
    figures["current_share"] = _ratio(raw.get("current_dates", 0), held)
    figures["walk_in_hours"] = Hours(
        round(raw.get("walk_in_minutes", 0) / 60, 1), raw.get("walk_in_dates", 0)
    )
    if "asks" in raw:
        figures["match_rate"] = _ratio(raw.get("matched_asks", 0), raw["asks"])
        matches, timed = raw.get("matches", 0), raw.get("timed_matches", 0)
        median = raw.get("median_match_hours")  # over the matches of the period
        figures["median_match_hours"] = None if median is None else Hours(round(median, 1), matches)
        hours = Decimal(raw.get("volunteer_minutes", 0)) / 60
        figures["volunteer_hours"] = Hours(float(round(hours, 1)), timed)
        money = value_source()
        if money["per_match"] or money["per_hour"]:
            figures["value"] = Euros(
                int(matches * money["per_match"] + hours * money["per_hour"]), matches, timed
            )
        else:
            figures["value"] = None  # no amounts set: no value, rather than a misleading € 0
    return figures


def monthly_figures(
    *, period: Period | None = None, today: date | None = None, months: int = 6
) -> list[dict]:
    """One row per month of `period` (default: the last `months` months): {"month": date, "values": {...}}."""
    if period is None:
        today = today or timezone.localdate()
        period = Period(month_starts(today=today, months=months)[0], today)
    now = timezone.now()
    return [
        {"month": part.first, "values": district_figures(period=part, now=now)} for part in period.months()
    ]


def breakdowns(
    *, period: Period, now: datetime | None = None, organisation: Organisation | None = None
) -> list[dict]:
    """Tables per category and per neighbourhood part, where the figure has one.

    Dates held are for the district, and beside them for `organisation`, as in the figure tables. Each
    table says under "adds_up_to" what every column is a part of: (scope, figure keys) of the figure tables.
    """
    start, end = bounds(period)
    now = now or timezone.now()
    listings = marketplace.selectors.impact_breakdown(start=start, end=end)
    held = [activities.selectors.impact_by_category(start=start, end=end, now=now)]
    if organisation is not None:
        held.append(
            activities.selectors.impact_by_category(start=start, end=end, now=now, organisation=organisation)
        )
    notices_per_group = notices.selectors.impact_by_group(start=start, end=end)
    kinds = [(Kind.ASK.value, _("Vragen")), (Kind.OFFER.value, _("Aanbod"))]

    def listing_rows(values, choices):
        return [(label, [values.get(value, {}).get(k, 0) for k, _label in kinds]) for value, label in choices]

    listings_add_up_to = [("district", ("asks",)), ("district", ("offers",))]
    held_add_up_to = [(scope, ("activity_dates", "walk_in_dates")) for scope in ("district", "organisation")]

    return [
        {
            "title": _("Vraag en aanbod per categorie"),
            "columns": [label for _k, label in kinds],
            "rows": listing_rows(listings["category"], Category.choices),
            "adds_up_to": listings_add_up_to,
        },
        {
            "title": _("Vraag en aanbod per buurt"),
            "columns": [label for _k, label in kinds],
            "rows": listing_rows(listings["area"], Area.choices),
            "adds_up_to": listings_add_up_to,
        },
        {
            "title": _("Gehouden data per rubriek"),
            "columns": [
                label
                for key, label in figure_columns(organisation=organisation)
                if key in ("district", "organisation")
            ],
            "rows": [(label, [n.get(value, 0) for n in held]) for value, label in ActivityCategory.choices],
            "adds_up_to": held_add_up_to[: len(held)],
        },
        {
            "title": _("Meldingen per preventiegroep"),
            "columns": [_("Meldingen")],
            "rows": sorted((name, [n]) for name, n in notices_per_group.items()),
            "adds_up_to": [("district", ("notices",))],
        },
    ]


def visits_per_section(*, period: Period) -> list[tuple[str, int]]:
    rows = (
        DailyVisit.objects.filter(day__gte=period.first, day__lte=period.last)
        .values("section")
        .annotate(n=Sum("count"))
        .order_by("-n", "section")
    )
    merged: dict[str, int] = {}
    for row in rows:
        label = str(SECTION_LABELS.get(row["section"], _("Overig")))
        merged[label] = merged.get(label, 0) + row["n"]
    return sorted(merged.items(), key=lambda item: (-item[1], item[0]))

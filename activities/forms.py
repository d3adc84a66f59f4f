"""Forms: posting an activity, changing one date."""

from datetime import date, datetime, timedelta

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .models import Activity, Audience, Category, Location
from .recurrence import localize


class Repeat:
    ONCE = "eenmalig"
    WEEKLY = "wekelijks"
    BIWEEKLY = "tweewekelijks"
    MONTHLY = "maandelijks"
    CHOICES = [
        (ONCE, _("Eén keer")),
        (WEEKLY, _("Elke week")),
        (BIWEEKLY, _("Om de week")),
        (MONTHLY, _("Elke maand (zelfde weekdag)")),
    ]
    DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    @classmethod
    def to_rrule(cls, choice: str, day: date) -> str:
        weekday = cls.DAYS[day.weekday()]
        if choice == cls.WEEKLY:
            return f"FREQ=WEEKLY;BYDAY={weekday}"
        if choice == cls.BIWEEKLY:
            return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={weekday}"
        if choice == cls.MONTHLY:
            nth = (day.day - 1) // 7 + 1
            return f"FREQ=MONTHLY;BYDAY={'-1' if nth == 5 else f'+{nth}'}{weekday}"
        return ""

    @classmethod
    def from_rrule(cls, rule: str) -> str:
        if not rule:
            return cls.ONCE
        if "FREQ=MONTHLY" in rule:
            return cls.MONTHLY
        return cls.BIWEEKLY if "INTERVAL=2" in rule else cls.WEEKLY


# Dates further ahead than this are typing errors (9999), not plans; they would overflow the calendar.
MAX_YEARS_AHEAD = 5


def within_reach(value: date) -> None:
    if value > timezone.localdate() + timedelta(days=365 * MAX_YEARS_AHEAD):
        raise forms.ValidationError(
            _("Kies een datum binnen %(years)s jaar.") % {"years": MAX_YEARS_AHEAD}, code="too_far"
        )


class ActivityForm(forms.ModelForm):
    day = forms.DateField(
        label=_("Datum (eerste keer)"),
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[within_reach],
    )
    start_time = forms.TimeField(label=_("Begintijd"), widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label=_("Eindtijd"), widget=forms.TimeInput(attrs={"type": "time"}))
    repeat = forms.ChoiceField(label=_("Hoe vaak"), choices=Repeat.CHOICES, initial=Repeat.ONCE)
    audiences = forms.MultipleChoiceField(
        label=_("Voor wie"), choices=Audience.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    organisation = forms.ModelChoiceField(
        label=_("Namens organisatie"),
        queryset=None,
        required=False,
        empty_label=_("Ik plaats dit als bewoner"),
    )

    class Meta:
        model = Activity
        fields = [
            "title",
            "summary",
            "description",
            "kind",
            "category",
            "topic",
            "no_appointment_needed",
            "what_to_bring",
            "location",
            "cost",
            "registration",
            "registration_detail",
            "max_places",
            "guests_may_sign_up",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    #: The form in the order one thinks of it, each part under its own heading: (legend, hint, fields).
    GROUPS = [
        (_("Namens wie plaatst u dit?"), "", ["organisation"]),
        (_("Wat organiseert u?"), "", ["title", "summary", "description", "category", "audiences"]),
        (
            _("Is het een inloopspreekuur?"),
            _(
                "Bij een inloopspreekuur kunnen mensen zonder afspraak binnenlopen bij een organisatie. "
                "Is het dat niet? Laat dit deel dan zoals het is."
            ),
            ["kind", "topic", "no_appointment_needed", "what_to_bring"],
        ),
        (_("Wanneer?"), "", ["day", "start_time", "end_time", "repeat"]),
        (_("Waar?"), "", ["location"]),
        (
            _("Aanmelden en kosten"),
            _("Bij een inloopspreekuur hoeft u hier niets in te vullen."),
            ["registration", "registration_detail", "max_places", "guests_may_sign_up", "cost"],
        ),
    ]

    # Fields that mean something for one kind only: once the kind is chosen, the page hides the others
    # (CSS, no JavaScript). Their values are kept as sent; they have no effect for the other kind.
    ONLY_FOR = {
        "topic": Activity.Kind.WALK_IN,
        "no_appointment_needed": Activity.Kind.WALK_IN,
        "what_to_bring": Activity.Kind.WALK_IN,
        "max_places": Activity.Kind.ACTIVITY,
        "guests_may_sign_up": Activity.Kind.ACTIVITY,
    }

    def groups(self) -> list[tuple[str, str, list[forms.BoundField]]]:
        """The parts of the form that have a field here (a resident has no "Namens wie")."""
        return [
            (legend, hint, [self[name] for name in names if name in self.fields])
            for legend, hint, names in self.GROUPS
            if any(name in self.fields for name in names)
        ]

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations is None or not organisations.exists():
            del self.fields["organisation"]
        elif not self.is_bound and "organisation" not in self.initial:
            # Someone who belongs to an organisation usually posts for it; "als bewoner" stays a choice.
            self.initial["organisation"] = organisations.first().pk
        self.fields["location"].queryset = Location.objects.all()
        if self.instance.registration != Activity.Registration.UNKNOWN:
            # "Unknown" is what an imported feed says; whoever fills in the form knows.
            self.fields["registration"].choices = [
                c for c in self.fields["registration"].choices if c[0] != Activity.Registration.UNKNOWN
            ]
        for name, kind in self.ONLY_FOR.items():
            self.fields[name].widget.attrs["data-only-for"] = kind
        self.fields["location"].empty_label = _("Kies een plek")
        self.fields["category"].choices = [("", _("Kies een rubriek")), *Category.choices]
        instance = self.instance
        if instance.pk:
            local = timezone.localtime(instance.starts_at)
            self.initial.update(
                {
                    "day": local.date(),
                    "start_time": local.time(),
                    "end_time": (local + instance.duration).time(),
                    "repeat": Repeat.from_rrule(instance.rrule),
                    "audiences": instance.audiences,
                }
            )
            self.fields.pop("organisation", None)

    def clean(self):
        data = super().clean()
        day, start_time, end_time = data.get("day"), data.get("start_time"), data.get("end_time")
        if day and start_time and end_time:
            if end_time <= start_time:
                self.add_error("end_time", _("De eindtijd moet na de begintijd liggen."))
            if not self.instance.pk and day < timezone.localdate():
                self.add_error("day", _("Kies een datum vanaf vandaag."))
        if data.get("kind") == Activity.Kind.WALK_IN and not data.get("topic"):
            self.add_error("topic", _("Een inloopspreekuur heeft een onderwerp."))
        return data

    def schedule(self) -> dict:
        data = self.cleaned_data
        starts_at = localize(datetime.combine(data["day"], data["start_time"]))
        duration = datetime.combine(data["day"], data["end_time"]) - datetime.combine(
            data["day"], data["start_time"]
        )
        return {
            "starts_at": starts_at,
            "duration": duration,
            "rrule": Repeat.to_rrule(data["repeat"], data["day"]),
            "audiences": data.get("audiences") or [],
        }

    def activity_fields(self) -> dict:
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        fields.update(self.schedule())
        return fields


class CancelDateForm(forms.Form):
    reason = forms.CharField(label=_("Reden (ziet iedereen)"), max_length=200)

    @classmethod
    def for_date(cls, occurrence, *args, **kwargs) -> "CancelDateForm":
        """The form with a reason that fits the date: "Vandaag geen inloop" only for today's walk-in hour."""
        day = timezone.localtime(occurrence.start).date()
        walk_in = occurrence.activity.kind == Activity.Kind.WALK_IN
        if day == timezone.localdate():
            reason = _("Vandaag geen inloop") if walk_in else _("Vandaag gaat het niet door")
        else:
            values = {"day": date_format(day, "l j F")}
            reason = (_("Geen inloop op %(day)s") if walk_in else _("Gaat niet door op %(day)s")) % values
        return cls(*args, initial={"reason": reason}, **kwargs)


class CancelActivityForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden (optioneel)"),
        help_text=_("Wie zich heeft aangemeld, krijgt deze reden te lezen."),
        max_length=200,
        required=False,
    )


class MoveDateForm(forms.Form):
    day = forms.DateField(
        label=_("Nieuwe datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[within_reach],
    )
    start_time = forms.TimeField(
        label=_("Nieuwe begintijd"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("Nieuwe eindtijd"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    reason = forms.CharField(label=_("Reden (ziet iedereen)"), max_length=200, required=False)

    @classmethod
    def for_date(cls, occurrence, *args, **kwargs) -> "MoveDateForm":
        """The form filled in with the date as it is now: one change is one field."""
        start, end = timezone.localtime(occurrence.start), timezone.localtime(occurrence.end)
        initial = {"day": start.date(), "start_time": start.time(), "end_time": end.time()}
        return cls(*args, initial=initial, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("start_time") and data.get("end_time") and data["end_time"] <= data["start_time"]:
            self.add_error("end_time", _("De eindtijd moet na de begintijd liggen."))
        return data

    def start_end(self) -> tuple[datetime, datetime]:
        d = self.cleaned_data
        return localize(datetime.combine(d["day"], d["start_time"])), localize(
            datetime.combine(d["day"], d["end_time"])
        )


class EndSeriesForm(forms.Form):
    last_day = forms.DateField(
        label=_("Laatste keer op"), widget=forms.DateInput(attrs={"type": "date"}), validators=[within_reach]
    )

    def clean_last_day(self):
        value = self.cleaned_data["last_day"]
        if value < timezone.localdate() - timedelta(days=1):
            raise forms.ValidationError(_("Kies vandaag of een dag in de toekomst."))
        return value


class GuestAttendanceForm(forms.Form):
    """ "Ik kom" without an account: a first name and an e-mail address or a phone number."""

    name = forms.CharField(label=_("Uw voornaam"), max_length=80)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    phone = forms.RegexField(
        label=_("Of telefoonnummer"),
        regex=r"^\+?[0-9][0-9 ()\-]{5,19}$",
        required=False,
        error_messages={"invalid": _("Vul een telefoonnummer in, bijvoorbeeld 0412 123 456.")},
    )

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and not self.errors:
            raise forms.ValidationError(_("Vul uw e-mailadres of telefoonnummer in."))
        return data


class LocationForm(forms.ModelForm):
    """A place's address and its point on the map, typed as numbers (decimal degrees, WGS84)."""

    class Meta:
        model = Location
        fields = ["address", "latitude", "longitude", "is_accessible", "accessibility_notes"]
        widgets = {
            "latitude": forms.NumberInput(attrs={"step": "0.000001", "inputmode": "decimal"}),
            "longitude": forms.NumberInput(attrs={"step": "0.000001", "inputmode": "decimal"}),
        }
        error_messages = {
            "latitude": {
                "min_value": _("De breedtegraad ligt tussen -90 en 90. In Oss is die ongeveer 51,76."),
                "max_value": _("De breedtegraad ligt tussen -90 en 90. In Oss is die ongeveer 51,76."),
            },
            "longitude": {
                "min_value": _("De lengtegraad ligt tussen -180 en 180. In Oss is die ongeveer 5,53."),
                "max_value": _("De lengtegraad ligt tussen -180 en 180. In Oss is die ongeveer 5,53."),
            },
        }

"""Locations, activities (and walk-in hours), their materialised occurrences and imported iCal feeds."""

import re
from datetime import datetime, timedelta
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator, validate_email
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import optional_foreign_key

PHONE_PATTERN = re.compile(r"\+?[0-9][0-9 ()\-]{5,19}")


class Category(models.TextChoices):
    MEETING = "ontmoeten", _("Ontmoeten")
    EXERCISE = "bewegen", _("Bewegen")
    CREATIVE = "creatief", _("Creatief")
    LEARNING_LANGUAGE = "leren-taal", _("Leren & taal")
    FOOD = "eten", _("Eten")
    CHILDREN_FAMILY = "kinderen-gezin", _("Kinderen & gezin")
    HEALTH = "gezondheid", _("Gezondheid")
    MONEY = "geldzaken", _("Geldzaken")
    DIGITAL = "digitaal", _("Digitaal")
    WORK_INCOME = "werk-inkomen", _("Werk & inkomen")
    CARE_AT_HOME = "zorg-thuis", _("Zorg thuis")


class Audience(models.TextChoices):
    EVERYONE = "iedereen", _("Iedereen")
    ELDERLY = "ouderen", _("Ouderen")
    YOUNG_PEOPLE = "jongeren", _("Jongeren")
    CHILDREN = "kinderen", _("Kinderen")
    PARENTS = "ouders", _("Ouders")
    WOMEN = "vrouwen", _("Vrouwen")
    NEWCOMERS = "nieuwkomers", _("Nieuwkomers")


class Location(models.Model):
    name = models.CharField(_("naam"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    map_url = models.URLField(_("link naar kaart"), blank=True)
    is_accessible = models.BooleanField(_("toegankelijk met rolstoel of rollator"), default=False)
    accessibility_notes = models.CharField(_("toegankelijkheid"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("breedtegraad"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Bijvoorbeeld 51.757 voor Ruwaard, Oss."),
    )
    longitude = models.DecimalField(
        _("lengtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Bijvoorbeeld 5.531 voor Ruwaard, Oss."),
    )

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def clean(self):
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Vul de breedtegraad en de lengtegraad allebei in, of geen van beide."))

    def in_oss(self, *parts: str) -> str:
        """`parts` joined with ", ", ending in "Oss" unless the address names the town already."""
        named = re.search(r"\boss\b", self.address, re.IGNORECASE)
        return ", ".join(part for part in (*parts, "" if named else "Oss") if part)

    @property
    def osm_url(self) -> str:
        """The place on openstreetmap.org: the point when known, else a search for the address."""
        if self.has_coordinates:
            return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=18/{self.latitude}/{self.longitude}"
        query = self.in_oss(self.address or self.name)
        return "https://www.openstreetmap.org/search?query=" + quote(query)


class ICalFeed(models.Model):
    """An organisation's own calendar, imported periodically."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="ical_feeds",
    )
    url = models.URLField(_("adres van de iCal-feed"), max_length=500)
    category = models.CharField(
        _("rubriek"), max_length=20, choices=Category.choices, default=Category.MEETING
    )
    is_active = models.BooleanField(_("actief"), default=True)
    last_imported_at = models.DateTimeField(_("laatst opgehaald"), null=True, blank=True)
    last_error = models.CharField(_("laatste fout"), max_length=300, blank=True)
    last_result = models.JSONField(_("laatste resultaat"), default=dict, blank=True)
    etag = models.CharField(max_length=200, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)

    class Meta:
        verbose_name = _("iCal-feed")
        verbose_name_plural = _("iCal-feeds")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.url}"


# Posts of a suspended account are hidden from the public (an organisation's own posts have no owner).
OWNER_NOT_SUSPENDED = Q(owner__isnull=True) | Q(owner__suspended_at__isnull=True)


class ActivityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(OWNER_NOT_SUSPENDED, status=Activity.Status.PUBLISHED)

    def recurring(self):
        return self.exclude(rrule="")


class Activity(models.Model):
    class Kind(models.TextChoices):
        ACTIVITY = "activity", _("Activiteit")
        WALK_IN = "walk_in", _("Inloopspreekuur")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Concept")
        PENDING = "pending", _("Wacht op goedkeuring")
        PUBLISHED = "published", _("Gepubliceerd")
        CANCELLED = "cancelled", _("Gaat niet door")
        STALE = "stale", _("Verouderd")
        HIDDEN = "hidden", _("Verborgen door een moderator")

    class Registration(models.TextChoices):
        NONE = "none", _("Aanmelden is niet nodig")
        LINK = "link", _("Aanmelden via een website")
        PHONE = "phone", _("Aanmelden per telefoon")
        EMAIL = "email", _("Aanmelden per e-mail")
        UNKNOWN = "unknown", _("Niet bekend: vraag het de organisatie")

    title = models.CharField(_("titel"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    summary = models.CharField(_("in één zin"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.ACTIVITY)
    category = models.CharField(_("rubriek"), max_length=20, choices=Category.choices)
    audiences = models.JSONField(_("voor wie"), default=list, blank=True)
    topic = models.CharField(_("onderwerp van het spreekuur"), max_length=120, blank=True)
    no_appointment_needed = models.BooleanField(_("geen afspraak nodig"), default=True)
    what_to_bring = models.CharField(_("wat neemt u mee"), max_length=300, blank=True)

    organisation = optional_foreign_key(
        "organisations.Organisation", _("organisatie"), related_name="activities"
    )
    owner = optional_foreign_key(settings.AUTH_USER_MODEL, _("geplaatst door"), related_name="activities")
    location = optional_foreign_key(Location, _("locatie"), related_name="activities")
    cost = models.DecimalField(
        _("kosten in euro"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("Kosten kunnen niet onder nul zijn."))],
        help_text=_("Leeg of 0 betekent gratis."),
    )
    cost_known = models.BooleanField(
        _("kosten bekend"),
        default=True,
        help_text=_("Uit: de kosten zijn niet bekend (bijvoorbeeld bij een overgenomen agenda)."),
    )
    registration = models.CharField(
        _("aanmelden"), max_length=10, choices=Registration.choices, default=Registration.NONE
    )
    registration_detail = models.CharField(
        _("link, telefoon of e-mail voor aanmelden"), max_length=200, blank=True
    )
    max_places = models.PositiveIntegerField(
        _("aantal plaatsen"),
        null=True,
        blank=True,
        help_text=_("Leeg: geen maximum. Vol: nieuwe aanmeldingen komen op de wachtlijst."),
    )
    guests_may_sign_up = models.BooleanField(
        _("ook aanmelden zonder account"),
        default=False,
        help_text=_("Mensen zonder account kunnen zich aanmelden met naam en e-mail of telefoon."),
    )
    image = optional_foreign_key("wagtailimages.Image", _("foto"))
    image_alt = models.CharField(_("wat staat er op de foto"), max_length=200, blank=True)

    # The schedule: one engine for activities and walk-in hours.
    starts_at = models.DateTimeField(_("eerste keer"))
    duration = models.DurationField(_("duur"), default=timedelta(hours=2))
    rrule = models.CharField(
        _("herhaling (RRULE)"),
        max_length=300,
        blank=True,
        help_text=_("Volgens RFC 5545, bijvoorbeeld FREQ=WEEKLY;BYDAY=TU. Leeg: één keer."),
    )
    exdates = models.JSONField(
        _("uitgezonderde data"),
        default=list,
        blank=True,
        help_text=_("Lokale begintijden die niet doorgaan, als ISO-tekst."),
    )
    rdates = models.JSONField(
        _("extra data"),
        default=list,
        blank=True,
        help_text=_("Lokale begintijden buiten de herhaling om (RDATE), als ISO-tekst."),
    )
    ends_on = models.DateField(_("laatste dag van de reeks"), null=True, blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    confirmed_at = models.DateTimeField(_("laatst bevestigd"), default=timezone.now)
    # What a moderator told the owner: why it is hidden, or what to change before it is approved.
    moderation_note = models.CharField(_("bericht van de moderator"), max_length=500, blank=True)
    hidden_from_status = models.CharField(max_length=10, blank=True)
    reminder_sent_at = models.DateTimeField(_("herinnering verstuurd"), null=True, blank=True)

    feed = optional_foreign_key(ICalFeed, _("geïmporteerd uit"), related_name="activities")
    import_uid = models.CharField(_("UID in de feed"), max_length=300, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["feed", "import_uid"], condition=~Q(import_uid=""), name="unique_import_uid_per_feed"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("activities:detail", kwargs={"slug": self.slug})

    @property
    def is_free(self) -> bool:
        return self.cost_known and not self.cost

    @property
    def is_imported(self) -> bool:
        return self.feed_id is not None

    @property
    def is_recurring(self) -> bool:
        return bool(self.rrule)

    def audience_labels(self) -> list[str]:
        labels = dict(Audience.choices)
        return [str(labels[a]) for a in self.audiences if a in labels]

    def clean(self):
        from .recurrence import RecurrenceError, validate_rrule

        if self.rrule:
            try:
                validate_rrule(self.rrule)
            except RecurrenceError as exc:
                raise ValidationError({"rrule": str(exc)}) from exc
        if self.kind == self.Kind.WALK_IN and not self.topic:
            raise ValidationError({"topic": _("Een inloopspreekuur heeft een onderwerp.")})
        self._clean_registration_detail()

    def _clean_registration_detail(self) -> None:
        """The sign-up detail becomes a link: only a web address, e-mail address or phone number."""
        detail = (self.registration_detail or "").strip()
        errors = {
            self.Registration.LINK: _("Vul een webadres in dat begint met https:// of http://."),
            self.Registration.EMAIL: _("Vul een geldig e-mailadres in."),
            self.Registration.PHONE: _("Vul een telefoonnummer in, bijvoorbeeld 0412 123 456."),
        }
        if self.registration not in errors:
            return
        try:
            if self.registration == self.Registration.LINK:
                URLValidator(schemes=["http", "https"])(detail)
            elif self.registration == self.Registration.EMAIL:
                validate_email(detail)
            elif not PHONE_PATTERN.fullmatch(detail):
                raise ValidationError("phone")
        except ValidationError as exc:
            raise ValidationError({"registration_detail": errors[self.registration]}) from exc


class OccurrenceQuerySet(models.QuerySet):
    def between(self, start: datetime, end: datetime):
        return self.filter(start__gte=start, start__lt=end)

    def visible(self):
        return self.filter(
            Q(activity__owner__isnull=True) | Q(activity__owner__suspended_at__isnull=True),
            activity__status=Activity.Status.PUBLISHED,
        )

    def upcoming(self):
        return self.filter(end__gt=timezone.now())

    def open_at(self, moment: datetime):
        return self.filter(start__lte=moment, end__gt=moment, is_cancelled=False)


class Occurrence(models.Model):
    """One date of an activity, materialised from its schedule for a rolling window."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="occurrences")
    original_start = models.DateTimeField(_("oorspronkelijke begintijd"))
    start = models.DateTimeField(_("begint"))
    end = models.DateTimeField(_("eindigt"))
    is_cancelled = models.BooleanField(_("gaat niet door"), default=False)
    is_moved = models.BooleanField(_("verplaatst"), default=False)
    reason = models.CharField(_("reden"), max_length=200, blank=True)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("datum")
        verbose_name_plural = _("data")
        ordering = ["start"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "original_start"], name="unique_occurrence"),
        ]
        indexes = [models.Index(fields=["start", "activity"], name="occurrence_start_idx")]

    def __str__(self) -> str:
        return f"{self.activity} {timezone.localtime(self.start):%Y-%m-%d %H:%M}"


class Attendance(models.Model):
    """Someone says "ik kom" to one date: a resident with an account, or a guest with a name and contact."""

    class Status(models.TextChoices):
        GOING = "going", _("Komt")
        WAITING = "waiting", _("Wachtlijst")
        CANCELLED = "cancelled", _("Afgemeld")

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="attendances"
    )
    guest_name = models.CharField(_("voornaam"), max_length=80, blank=True)
    guest_email = models.EmailField(_("e-mailadres"), blank=True)
    guest_phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    reminded_at = models.DateTimeField(_("herinnering verstuurd"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["occurrence", "user"],
                condition=Q(user__isnull=False) & ~Q(status="cancelled"),
                name="one_attendance_per_user_and_date",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(guest_name=""), name="attendance_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} – {self.occurrence}"

    @property
    def first_name(self) -> str:
        if self.user_id:
            return (self.user.first_name or self.user.public_name).split()[0]
        return (self.guest_name.split() or [""])[0]


class PersonalFeed(models.Model):
    """The secret address of one resident's own iCal feed; renewing it makes the old address unknown."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("eigen agenda-feed")
        verbose_name_plural = _("eigen agenda-feeds")

    def __str__(self) -> str:
        return str(self.user)

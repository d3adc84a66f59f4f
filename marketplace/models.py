"""Asks and offers (vraag en aanbod) and the private conversations they open."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LIFETIME = timedelta(weeks=6)


class Category(models.TextChoices):
    GROCERIES = "boodschappen", _("Boodschappen")
    ODD_JOBS = "klussen", _("Klussen")
    GARDEN = "tuin", _("Tuin")
    TRANSPORT = "vervoer", _("Vervoer en begeleiding")
    COMPANY = "gezelschap", _("Gezelschap en wandelen")
    COMPUTER = "computer", _("Computer en telefoon")
    PAPERWORK = "formulieren", _("Formulieren en post")
    LANGUAGE = "taal", _("Taal en lezen")
    CHILDREN = "kinderen", _("Kinderen en oppas")
    COOKING = "koken", _("Koken en eten")
    THINGS = "spullen", _("Spullen lenen of weggeven")
    OTHER = "anders", _("Anders")


class Kind(models.TextChoices):
    ASK = "vraag", _("Vraag")
    OFFER = "aanbod", _("Aanbod")


class Area(models.TextChoices):
    WHOLE = "heel", _("Heel Ruwaard")
    NORTH = "noord", _("Ruwaard-Noord")
    MIDDLE = "midden", _("Ruwaard-Midden")
    SOUTH = "zuid", _("Ruwaard-Zuid")


class When(models.TextChoices):
    ANY = "altijd", _("Maakt niet uit")
    MORNING = "ochtend", _("Ochtend")
    AFTERNOON = "middag", _("Middag")
    EVENING = "avond", _("Avond")
    WEEKEND = "weekend", _("Weekend")


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    AGREED = "afgesproken", _("Afgesproken")
    DONE = "klaar", _("Klaar")
    CLOSED = "gesloten", _("Gesloten")
    EXPIRED = "verlopen", _("Verlopen")
    HIDDEN = "verborgen", _("Verborgen")


class ListingQuerySet(models.QuerySet):
    def approved(self):
        """Approved by a moderator (or trusted) and not of a suspended account."""
        return self.filter(is_pending=False, owner__suspended_at__isnull=True)

    def not_expired(self, now=None):
        return self.filter(expires_at__gt=now or timezone.now())

    def visible(self, now=None):
        """What an anonymous visitor may see: approved, not hidden, closed or expired."""
        return self.approved().not_expired(now).filter(status__in=[Status.OPEN, Status.AGREED, Status.DONE])

    def open(self, now=None):
        return self.approved().not_expired(now).filter(status=Status.OPEN)

    def asks(self):
        return self.filter(kind=Kind.ASK)

    def offers(self):
        return self.filter(kind=Kind.OFFER)

    def newest_first(self):
        return self.order_by("-shown_at", "-id")

    def open_first(self):
        """What still needs someone comes first, newest first; then what is afgesproken or klaar."""
        still_open = models.Case(
            models.When(status=Status.OPEN, then=models.Value(0)), default=models.Value(1)
        )
        return self.order_by(still_open, "-shown_at", "-id")


class Listing(models.Model):
    """A vraag (someone asks for help) or an aanbod (someone offers help)."""

    Kind = Kind
    Category = Category
    Area = Area
    When = When
    Status = Status

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="listings", verbose_name=_("contact")
    )
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    category = models.CharField(_("categorie"), max_length=20, choices=Category.choices)
    title = models.CharField(_("titel"), max_length=80)
    text = models.TextField(_("uitleg"), max_length=1500, blank=True)
    when = models.CharField(_("wanneer"), max_length=10, choices=When.choices, default=When.ANY)
    area = models.CharField(_("buurt"), max_length=10, choices=Area.choices, default=Area.WHOLE)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    is_pending = models.BooleanField(_("wacht op moderator"), default=False)
    # Posted on behalf of a resident who is not online: the owner is the helper and the contact.
    on_behalf_name = models.CharField(_("namens bewoner"), max_length=60, blank=True)
    consent_at = models.DateTimeField(_("toestemming vastgelegd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("geplaatst op"), default=timezone.now)
    shown_at = models.DateTimeField(_("bovenaan gezet op"), default=timezone.now, db_index=True)
    expires_at = models.DateTimeField(_("verloopt op"))
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    reshown_at = models.DateTimeField(null=True, blank=True)
    hidden_from_status = models.CharField(max_length=12, blank=True)
    # What a moderator told the owner: why it is hidden, or what to change before it is approved.
    moderation_note = models.CharField(_("bericht van de moderator"), max_length=500, blank=True)

    objects = ListingQuerySet.as_manager()

    class Meta:
        verbose_name = _("vraag of aanbod")
        verbose_name_plural = _("vraag en aanbod")
        ordering = ["-shown_at", "-id"]
        indexes = [
            models.Index(fields=["status", "is_pending", "expires_at"]),
            models.Index(fields=["kind", "status", "-shown_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.expires_at:
            self.expires_at = (self.created_at or timezone.now()) + LIFETIME
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("marketplace:detail", args=[self.pk])

    @property
    def is_on_behalf(self) -> bool:
        return bool(self.consent_at)

    @property
    def is_hidden(self) -> bool:
        return self.status == Status.HIDDEN

    def is_expired(self, now=None) -> bool:
        return self.expires_at <= (now or timezone.now())

    @property
    def renewal_due(self) -> bool:
        """Half of its time online has passed (or all of it): the owner is offered six more weeks."""
        if self.status == Status.EXPIRED:
            return True
        return self.status == Status.OPEN and self.expires_at - timezone.now() <= LIFETIME / 2

    def is_matchable(self, now=None) -> bool:
        return self.status == Status.OPEN and not self.is_pending and not self.is_expired(now)

    def is_visible(self, now=None) -> bool:
        return (
            not self.is_pending
            and self.owner.suspended_at is None
            and not self.is_expired(now)
            and self.status in (Status.OPEN, Status.AGREED, Status.DONE)
        )


class Response(models.Model):
    """Someone reacts to a listing. It opens one private conversation with the owner."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="responses")
    responder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="listing_responses"
    )
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    owner_done_at = models.DateTimeField(null=True, blank=True)
    owner_thanks = models.CharField(max_length=300, blank=True)
    responder_done_at = models.DateTimeField(null=True, blank=True)
    responder_thanks = models.CharField(max_length=300, blank=True)
    follow_up_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["listing", "responder"], name="one_response_per_person"),
            models.UniqueConstraint(
                fields=["listing"], condition=Q(accepted_at__isnull=False), name="one_accepted_response"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.responder} → {self.listing}"

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None

    def said_done(self, user) -> bool:
        """Whether `user` (the owner or the responder) pressed "Het is klaar"."""
        return bool(self.owner_done_at if user.pk == self.listing.owner_id else self.responder_done_at)


class ConversationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(Q(response__responder=user) | Q(response__listing__owner=user))


class Conversation(models.Model):
    """The private talk between a listing's owner and one responder. Only those two may read it."""

    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="conversation")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return str(self.response)

    def get_absolute_url(self) -> str:
        return reverse("marketplace:conversation", args=[self.pk])

    @property
    def listing(self) -> Listing:
        return self.response.listing

    def is_participant(self, user) -> bool:
        return user.pk in (self.response.responder_id, self.response.listing.owner_id)

    def other_party(self, user):
        if user.pk == self.response.responder_id:
            return self.response.listing.owner
        return self.response.responder


class Message(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("bericht"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    is_hidden = models.BooleanField(_("verborgen"), default=False)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class FollowUp(models.Model):
    """ "Is het gelukt?" asked a week after a match, to both people."""

    class Answer(models.TextChoices):
        YES = "ja", _("Ja, het is gelukt")
        NOT_YET = "nog_niet", _("Nog niet")
        NO = "nee", _("Nee")

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="follow_ups")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    asked_at = models.DateTimeField(default=timezone.now)
    answer = models.CharField(_("antwoord"), max_length=10, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True, db_index=True)
    minutes_spent = models.PositiveIntegerField(_("hoe lang duurde het (minuten)"), null=True, blank=True)

    class Meta:
        verbose_name = _("is het gelukt?")
        verbose_name_plural = _("is het gelukt?")
        constraints = [models.UniqueConstraint(fields=["response", "user"], name="one_follow_up_per_person")]

    def __str__(self) -> str:
        return f"{self.response}: {self.answer or '-'}"


class MatchPreference(models.Model):
    """A volunteer's wish to hear about new vragen that fit what they like to do."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="match_preference"
    )
    notify = models.BooleanField(_("Stuur mij nieuwe vragen die bij mij passen"), default=False)
    categories = models.JSONField(_("categorieën"), default=list, blank=True)
    area = models.CharField(_("buurt"), max_length=10, choices=Area.choices, default=Area.WHOLE)
    digest = models.BooleanField(_("Ook één keer per dag een e-mail"), default=False)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("voorkeur voor vragen")
        verbose_name_plural = _("voorkeuren voor vragen")

    def __str__(self) -> str:
        return str(self.user)

    def wants(self, listing: Listing) -> bool:
        if not self.notify:
            return False
        if self.categories and listing.category not in self.categories:
            return False
        return Area.WHOLE in (self.area, listing.area) or self.area == listing.area

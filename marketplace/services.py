"""Writes of the marketplace. Keyword-only, one transaction each; notifications follow on commit."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import is_moderator, is_professional, is_volunteer, require_moderator
from accounts.services import has_verified_email, is_blocked_between, require_may_post
from core.double_send import sent_a_moment_ago
from core.exceptions import ApplicationError
from core.tasks import send_mail_on_commit
from notifications.kinds import Kind as NotificationKind
from notifications.services import notify

from .models import (
    LIFETIME,
    Conversation,
    FollowUp,
    Kind,
    Listing,
    MatchPreference,
    Message,
    Response,
    Status,
)

REMINDER_BEFORE = timedelta(days=7)
FOLLOW_UP_AFTER = timedelta(days=7)
RESHOW_AFTER = timedelta(days=7)
RENEW_SALT = "marketplace.renew"
RENEW_MAX_AGE = 60 * 60 * 24 * 30


def site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# Posting ---------------------------------------------------------------------------------------


def needs_moderation(*, user) -> bool:
    """A new user's first listing waits for a moderator; trusted roles and known posters do not."""
    if is_moderator(user) or is_professional(user):
        return False
    return not Listing.objects.filter(owner=user, is_pending=False).exclude(status=Status.HIDDEN).exists()


def may_post_on_behalf(user) -> bool:
    return is_professional(user) or is_volunteer(user)


@transaction.atomic
def create_listing(
    *,
    owner,
    kind: str,
    category: str,
    title: str,
    text: str = "",
    when: str = "altijd",
    area: str = "heel",
    on_behalf_name: str = "",
    consent: bool = False,
) -> Listing:
    require_may_post(owner)
    if not has_verified_email(owner):
        raise ApplicationError(_("Bevestig eerst uw e-mailadres. Daarna kunt u iets plaatsen."))
    if on_behalf_name and not may_post_on_behalf(owner):
        raise ApplicationError(
            _("Alleen vrijwilligers en wijkprofessionals plaatsen iets voor een ander."), code="forbidden"
        )
    if on_behalf_name and not consent:
        raise ApplicationError(_("Vraag eerst toestemming aan de bewoner."))

    said = {  # everything the form says: the same vraag for another resident is another vraag
        "owner": owner,
        "kind": kind,
        "category": category,
        "title": title.strip(),
        "text": text.strip(),
        "when": when,
        "area": area,
        "on_behalf_name": on_behalf_name.strip(),
    }
    if (sent := sent_a_moment_ago(lambda: Listing.objects.filter(**said), author=owner)) is not None:
        return sent
    now = timezone.now()
    with transaction.atomic():
        listing = Listing.objects.create(
            **said,
            consent_at=now if on_behalf_name else None,
            is_pending=needs_moderation(user=owner),
            created_at=now,
            shown_at=now,
            expires_at=now + LIFETIME,
        )
        if not listing.is_pending:
            _on_published(listing)
    return listing


@transaction.atomic
def update_listing(
    *, listing: Listing, by, kind: str, category: str, title: str, text: str = "", when: str, area: str
) -> Listing:
    """The owner changes an open listing, e.g. after a moderator asked for a change. A waiting one keeps
    waiting (the moderators see the new text); the moderator's request is answered, so its note goes."""
    require_may_post(by)
    if by.pk != listing.owner_id:
        raise ApplicationError(_("Alleen wie het plaatste kan het wijzigen."), code="forbidden")
    if listing.status != Status.OPEN:
        raise ApplicationError(_("Dit kunt u niet meer wijzigen."))
    listing.kind, listing.category, listing.when, listing.area = kind, category, when, area
    listing.title, listing.text = title.strip(), text.strip()
    listing.moderation_note = ""
    listing.save(update_fields=["kind", "category", "title", "text", "when", "area", "moderation_note"])
    return listing


@transaction.atomic
def approve_listing(*, listing: Listing, by) -> Listing:
    require_moderator(by)
    now = timezone.now()
    with transaction.atomic():
        listing.is_pending = False
        listing.shown_at = now
        listing.expires_at = max(listing.expires_at, now + LIFETIME)
        listing.moderation_note = ""
        listing.save(update_fields=["is_pending", "shown_at", "expires_at", "moderation_note"])
        notify(
            user=listing.owner,
            url=listing.get_absolute_url(),
            kind=NotificationKind.MODERATION_DECISION,
            text=_("Uw bericht staat nu op Vraag en aanbod: %(title)s") % {"title": listing.title},
        )
        _on_published(listing)
    return listing


def _on_published(listing: Listing) -> None:
    if listing.kind == Kind.ASK:
        notify_matching_volunteers(listing=listing)


@transaction.atomic
def notify_matching_volunteers(*, listing: Listing) -> int:
    """Tell volunteers who opted in about a vraag that fits them. Returns how many were told."""
    told = 0
    prefs = MatchPreference.objects.filter(notify=True).exclude(user=listing.owner).select_related("user")
    for pref in prefs:
        if pref.wants(listing) and pref.user.is_active:
            notify(
                user=pref.user,
                url=listing.get_absolute_url(),
                kind=NotificationKind.MATCH,
                text=_("Een nieuwe vraag past bij u: %(title)s") % {"title": listing.title},
            )
            told += 1
    return told


@transaction.atomic
def close_listing(*, listing: Listing, by) -> Listing:
    if by.pk != listing.owner_id:
        raise ApplicationError(_("Alleen wie het plaatste kan het sluiten."), code="forbidden")
    if listing.status in (Status.HIDDEN, Status.CLOSED):
        raise ApplicationError(_("Dit is al gesloten."))
    listing.status = Status.CLOSED
    listing.save(update_fields=["status"])
    return listing


# Responding and agreeing -----------------------------------------------------------------------


@transaction.atomic
def respond(*, listing: Listing, responder, text: str) -> Conversation:
    """React to a listing: opens (or reuses) the private conversation with its owner."""
    require_may_post(responder)
    if not has_verified_email(responder):
        raise ApplicationError(_("Bevestig eerst uw e-mailadres. Daarna kunt u reageren."))
    if responder.pk == listing.owner_id:
        raise ApplicationError(_("U kunt niet reageren op uw eigen bericht."), code="forbidden")
    if is_blocked_between(responder, listing.owner):
        raise ApplicationError(_("U kunt deze persoon geen berichten sturen."), code="forbidden")
    if not listing.is_matchable():
        raise ApplicationError(_("Hier kunt u niet meer op reageren."))
    text = text.strip()
    if not text:
        raise ApplicationError(_("Schrijf een kort bericht."))
    if (
        sent := sent_a_moment_ago(
            lambda: _last_if_same(listing=listing, author=responder, text=text), author=responder
        )
    ) is not None:
        return sent.conversation
    with transaction.atomic():
        response = Response.objects.filter(listing=listing, responder=responder).first()
        if response is None:
            try:
                with transaction.atomic():
                    response = Response.objects.create(listing=listing, responder=responder)
            except IntegrityError:
                response = Response.objects.get(listing=listing, responder=responder)
        conversation, _created = Conversation.objects.get_or_create(response=response)
        _add_message(conversation=conversation, author=responder, text=text)
        notify(
            user=listing.owner,
            url=conversation.get_absolute_url(),
            kind=NotificationKind.RESPONSE,
            text=_("%(name)s reageert op: %(title)s")
            % {"name": responder.public_name, "title": listing.title},
        )
    return conversation


def _last_if_same(*, author, text: str, conversation: Conversation | None = None, listing=None):
    """The conversation's newest message when the author sent this same text: a repeat, not an answer.
    ("Ja" after the other's new question is a new message.)"""
    messages = (
        Message.objects.filter(conversation=conversation)
        if conversation
        else Message.objects.filter(
            conversation__response__listing=listing, conversation__response__responder=author
        )
    )
    newest = messages.order_by("-pk").values_list("pk", flat=True)[:1]
    return Message.objects.filter(pk__in=list(newest), author=author, text=text)


def _add_message(*, conversation: Conversation, author, text: str) -> Message:
    now = timezone.now()
    message = Message.objects.create(conversation=conversation, author=author, text=text, created_at=now)
    Conversation.objects.filter(pk=conversation.pk).update(updated_at=now)
    return message


@transaction.atomic
def send_message(*, conversation: Conversation, author, text: str) -> Message:
    if not conversation.is_participant(author):
        raise ApplicationError(_("U doet niet mee aan dit gesprek."), code="forbidden")
    require_may_post(author)
    if is_blocked_between(author, conversation.other_party(author)):
        raise ApplicationError(
            _("Een van u beiden heeft de ander geblokkeerd. In dit gesprek kunt u niet meer schrijven."),
            code="forbidden",
        )
    if conversation.response.listing.is_hidden:
        raise ApplicationError(
            _("Een moderator heeft deze vraag of dit aanbod verborgen. U kunt hier niet meer schrijven.")
        )
    text = text.strip()
    if not text:
        raise ApplicationError(_("Schrijf een bericht."))
    if (
        sent := sent_a_moment_ago(
            lambda: _last_if_same(conversation=conversation, author=author, text=text), author=author
        )
    ) is not None:
        return sent
    with transaction.atomic():
        message = _add_message(conversation=conversation, author=author, text=text)
        notify(
            user=conversation.other_party(author),
            url=conversation.get_absolute_url(),
            kind=NotificationKind.MESSAGE,
            text=_("Nieuw bericht van %(name)s") % {"name": author.public_name},
        )
    return message


@transaction.atomic
def accept_response(*, response: Response, by) -> Response:
    """The owner agrees with one responder: the listing becomes afgesproken."""
    listing = response.listing
    if by.pk != listing.owner_id:
        raise ApplicationError(_("Alleen wie het plaatste kan iemand kiezen."), code="forbidden")
    now = timezone.now()
    with transaction.atomic():
        listing = Listing.objects.select_for_update().get(pk=listing.pk)
        if listing.status != Status.OPEN or listing.responses.filter(accepted_at__isnull=False).exists():
            raise ApplicationError(_("Er is al iets afgesproken."), code="conflict")
        response.accepted_at = now
        response.save(update_fields=["accepted_at"])
        listing.status = Status.AGREED
        listing.save(update_fields=["status"])
        response.listing = listing
        notify(
            user=response.responder,
            url=response.conversation.get_absolute_url(),
            kind=NotificationKind.RESPONSE,
            text=_("Afgesproken! %(name)s heeft u gekozen voor: %(title)s")
            % {"name": by.public_name, "title": listing.title},
        )
    return response


@transaction.atomic
def mark_done(*, response: Response, by, thanks: str = "", minutes_spent: int | None = None) -> Response:
    """One side says it is done, with a thank-you. When both did, the listing is klaar.

    Saying "klaar" answers "Is het gelukt?" with yes, with how long it took: that person is not asked again.
    """
    # Both sides may say it at the same moment: each writes only its own half, on the row as it is now.
    response = Response.objects.select_for_update().select_related("listing", "responder").get(pk=response.pk)
    listing = response.listing
    if not response.is_accepted:
        raise ApplicationError(_("Er is nog niets afgesproken."))
    now = timezone.now()
    thanks = thanks.strip()[:300]
    with transaction.atomic():
        if by.pk == listing.owner_id:
            response.owner_done_at, response.owner_thanks = now, thanks
            own = ["owner_done_at", "owner_thanks"]
            other = response.responder
        elif by.pk == response.responder_id:
            response.responder_done_at, response.responder_thanks = now, thanks
            own = ["responder_done_at", "responder_thanks"]
            other = listing.owner
        else:
            raise ApplicationError(_("U doet niet mee aan dit gesprek."), code="forbidden")
        response.save(update_fields=own)
        answered, _created = FollowUp.objects.get_or_create(
            response=response, user=by, defaults={"asked_at": now}
        )
        answered.answer, answered.answered_at = FollowUp.Answer.YES, now
        if minutes_spent is not None:  # "Weet ik niet" keeps what an earlier answer said
            answered.minutes_spent = minutes_spent
        answered.save(update_fields=["answer", "answered_at", "minutes_spent"])
        if response.owner_done_at and response.responder_done_at and listing.status == Status.AGREED:
            listing.status = Status.DONE
            listing.save(update_fields=["status"])
        text = _("%(name)s zegt: het is klaar.") % {"name": by.public_name}
        if thanks:
            text = _("%(name)s zegt: het is klaar. „%(thanks)s”") % {"name": by.public_name, "thanks": thanks}
        notify(
            user=other, url=response.conversation.get_absolute_url(), kind=NotificationKind.MESSAGE, text=text
        )
    return response


# Moderation (called by the moderation queue through marketplace.moderated) ---------------------


@transaction.atomic
def hide_listing(*, listing: Listing, by, reason: str = "") -> Listing:
    """Hide a listing from everyone but its owner (who reads `reason`) and the moderators."""
    require_moderator(by)
    if listing.status != Status.HIDDEN:
        listing.hidden_from_status = listing.status
        listing.status = Status.HIDDEN
    listing.moderation_note = reason.strip()[:500]
    listing.save(update_fields=["status", "hidden_from_status", "moderation_note"])
    return listing


@transaction.atomic
def unhide_listing(*, listing: Listing, by) -> Listing:
    require_moderator(by)
    if listing.status == Status.HIDDEN:
        listing.status = listing.hidden_from_status or Status.OPEN
        listing.hidden_from_status = ""
    listing.moderation_note = ""
    listing.save(update_fields=["status", "hidden_from_status", "moderation_note"])
    return listing


@transaction.atomic
def request_listing_changes(*, listing: Listing, by, message: str) -> Listing:
    """The listing keeps waiting; its owner reads what to change and can place it again."""
    require_moderator(by)
    listing.moderation_note = message.strip()[:500]
    listing.save(update_fields=["moderation_note"])
    return listing


@transaction.atomic
def hide_message(*, message: Message, by) -> Message:
    return _set_message_hidden(message, by=by, hidden=True)


@transaction.atomic
def unhide_message(*, message: Message, by) -> Message:
    return _set_message_hidden(message, by=by, hidden=False)


def _set_message_hidden(message: Message, *, by, hidden: bool) -> Message:
    require_moderator(by)
    message.is_hidden = hidden
    message.save(update_fields=["is_hidden"])
    return message


# Preferences -----------------------------------------------------------------------------------


@transaction.atomic
def save_preference(*, user, notify: bool, categories: list[str], area: str, digest: bool) -> MatchPreference:
    pref, _created = MatchPreference.objects.update_or_create(
        user=user,
        defaults={
            "notify": notify,
            "categories": sorted(categories),
            "area": area,
            "digest": digest and notify,
        },
    )
    return pref


# Expiry ----------------------------------------------------------------------------------------


def renew_token(*, listing: Listing) -> str:
    return signing.TimestampSigner(salt=RENEW_SALT).sign(f"{listing.pk}:{listing.expires_at.timestamp():.0f}")


def listing_from_renew_token(*, token: str) -> Listing | None:
    try:
        value = signing.TimestampSigner(salt=RENEW_SALT).unsign(token, max_age=RENEW_MAX_AGE)
    except signing.BadSignature:
        return None
    pk, _sep, _stamp = value.partition(":")
    return Listing.objects.filter(pk=int(pk)).first() if pk.isdigit() else None


def renew_token_is_unused(*, token: str, listing: Listing) -> bool:
    """A renewal link works once: it names the expiry it was sent for, which renewing moves on."""
    value = signing.TimestampSigner(salt=RENEW_SALT).unsign(token, max_age=RENEW_MAX_AGE)
    return value.partition(":")[2] == f"{listing.expires_at.timestamp():.0f}"


def can_renew(*, listing: Listing) -> bool:
    return listing.status in (Status.OPEN, Status.EXPIRED)


@transaction.atomic
def renew_listing(*, listing: Listing) -> Listing:
    """Six more weeks from now. An expired, still open listing comes back."""
    if not can_renew(listing=listing):
        raise ApplicationError(_("Dit bericht kan niet meer verlengd worden."))
    now = timezone.now()
    listing.status = Status.OPEN
    listing.expires_at = now + LIFETIME
    listing.reminder_sent_at = None
    listing.save(update_fields=["status", "expires_at", "reminder_sent_at"])
    return listing


def send_expiry_reminders(*, now: datetime | None = None) -> int:
    """Mail owners whose open listing expires within a week a one-click renew link."""
    now = now or timezone.now()
    due = Listing.objects.filter(
        status=Status.OPEN,
        is_pending=False,
        reminder_sent_at__isnull=True,
        expires_at__gt=now,
        expires_at__lte=now + REMINDER_BEFORE,
    ).select_related("owner")
    sent = 0
    for listing in due:
        with transaction.atomic():
            link = site_url(reverse("marketplace:renew", args=[renew_token(listing=listing)]))
            context = {"listing": listing, "link": link, "name": listing.owner.public_name}
            send_mail_on_commit(
                subject=_("Staat uw bericht nog? %(title)s") % {"title": listing.title},
                body=render_to_string("marketplace/emails/expiry_reminder.txt", context),
                to=[listing.owner.email],
            )
            notify(
                user=listing.owner,
                url=listing.get_absolute_url(),
                kind=NotificationKind.OTHER,
                text=_("Uw bericht verloopt over een week: %(title)s") % {"title": listing.title},
            )
            listing.reminder_sent_at = now
            listing.save(update_fields=["reminder_sent_at"])
        sent += 1
    return sent


@transaction.atomic
def expire_listings(*, now: datetime | None = None) -> int:
    now = now or timezone.now()
    return Listing.objects.filter(status=Status.OPEN, expires_at__lte=now).update(status=Status.EXPIRED)


# Closing the loop ------------------------------------------------------------------------------


def send_follow_ups(*, now: datetime | None = None) -> int:
    """A week after a match, ask both people "Is het gelukt?"."""
    now = now or timezone.now()
    due = (
        Response.objects.filter(
            accepted_at__isnull=False, accepted_at__lte=now - FOLLOW_UP_AFTER, follow_up_sent_at__isnull=True
        )
        .exclude(owner_done_at__isnull=False, responder_done_at__isnull=False)  # both said "klaar"
        .select_related("listing__owner", "responder")
    )
    count = 0
    for response in due:
        with transaction.atomic():
            for user in (response.listing.owner, response.responder):
                follow_up, _created = FollowUp.objects.get_or_create(
                    response=response, user=user, defaults={"asked_at": now}
                )
                if follow_up.answered_at:  # said "klaar", and so answered already
                    continue
                notify(
                    user=user,
                    url=reverse("marketplace:follow_up", args=[follow_up.pk]),
                    kind=NotificationKind.OTHER,
                    text=_("Is het gelukt? %(title)s") % {"title": response.listing.title},
                )
                count += 1
            response.follow_up_sent_at = now
            response.save(update_fields=["follow_up_sent_at"])
    return count


@transaction.atomic
def answer_follow_up(*, follow_up: FollowUp, by, answer: str, minutes_spent: int | None = None) -> FollowUp:
    if by.pk != follow_up.user_id:
        raise ApplicationError(_("Deze vraag is niet voor u."), code="forbidden")
    if answer not in FollowUp.Answer.values:
        raise ApplicationError(_("Kies een antwoord."))
    follow_up.answer, follow_up.answered_at = answer, timezone.now()
    follow_up.minutes_spent = minutes_spent
    follow_up.save(update_fields=["answer", "answered_at", "minutes_spent"])
    return follow_up


def reshow_unanswered_asks(*, now: datetime | None = None) -> int:
    """A vraag without any response after a week goes back to the top and to the volunteers, once."""
    now = now or timezone.now()
    due = (
        Listing.objects.open(now)
        .asks()
        .filter(reshown_at__isnull=True, shown_at__lte=now - RESHOW_AFTER, responses__isnull=True)
    )
    count = 0
    for listing in due:
        with transaction.atomic():
            listing.reshown_at = listing.shown_at = now
            listing.save(update_fields=["reshown_at", "shown_at"])
            notify_matching_volunteers(listing=listing)
        count += 1
    return count


def send_digests(*, now: datetime | None = None) -> int:
    """At most one e-mail a day per volunteer with the new vragen that fit them."""
    now = now or timezone.now()
    sent = 0
    prefs = MatchPreference.objects.filter(notify=True, digest=True).select_related("user")
    for pref in prefs:
        if pref.last_digest_at and pref.last_digest_at > now - timedelta(days=1):
            continue
        since = pref.last_digest_at or now - timedelta(days=1)
        fresh = Listing.objects.open(now).asks().filter(shown_at__gt=since).exclude(owner=pref.user)
        listings = [listing for listing in fresh.order_by("-shown_at")[:50] if pref.wants(listing)]
        if not listings:
            continue
        context = {
            "name": pref.user.public_name,
            "listings": listings,
            "site": site_url(""),
            "settings_link": site_url(reverse("accounts:mine")),
        }
        with transaction.atomic():
            send_mail_on_commit(
                subject=_("Nieuwe vragen in de wijk die bij u passen"),
                body=render_to_string("marketplace/emails/digest.txt", context),
                to=[pref.user.email],
            )
            pref.last_digest_at = now
            pref.save(update_fields=["last_digest_at"])
        sent += 1
    return sent


def run_daily(*, now: datetime | None = None) -> dict[str, int]:
    """Everything the marketplace does once a day (cron: manage.py marketplace_daily)."""
    now = now or timezone.now()
    return {
        "reminders": send_expiry_reminders(now=now),
        "expired": expire_listings(now=now),
        "follow_ups": send_follow_ups(now=now),
        "reshown": reshow_unanswered_asks(now=now),
        "digests": send_digests(now=now),
    }


@transaction.atomic
def clear_posts_of_deleted_account(*, user, former, keep_posts: bool) -> list[str]:
    """Before an account goes: its listings go, but every conversation stays whole for the other person.

    The person's messages, their responses and their listings that hold a conversation pass to the anonymous
    `former` account (shown as "oud-lid"); such a listing is closed and loses its text. Returns the URLs of
    the listings that were removed."""
    Message.objects.filter(author=user).update(author=former)
    Response.objects.filter(responder=user, conversation__isnull=False).update(responder=former)
    removed = []
    for listing in Listing.objects.filter(owner=user):
        if listing.responses.filter(conversation__isnull=False).exists():
            listing.owner = former
            listing.status = Status.CLOSED
            listing.text = ""
            listing.save(update_fields=["owner", "status", "text"])
        else:
            removed.append(listing.get_absolute_url())
            listing.delete()
    return removed

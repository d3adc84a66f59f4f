"""The kinds of personal notification. Every `notify(kind=...)` names one of these; preferences are per kind."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    RESPONSE = "response", _("Iemand reageert op mijn vraag of aanbod")
    MESSAGE = "message", _("Een nieuw bericht")
    MATCH = "match", _("Een vraag die past bij wat ik aanbied")
    MODERATION_DECISION = "moderation_decision", _("Mijn activiteit of bericht is goedgekeurd of verborgen")
    STORY_PUBLISHED = (
        "story_published",
        _("Nieuws over mijn verhaal: een vraag van de redactie, of het staat online"),
    )
    ACTIVITY_REMINDER = (
        "activity_reminder",
        _("Herinneringen en wijzigingen van activiteiten waar ik heen ga"),
    )
    NOTICE_URGENT = "notice_urgent", _("Spoedmeldingen van mijn buurtpreventiegroep")
    NOTICE = "notice", _("Andere meldingen van mijn buurtpreventiegroep")
    MEMBERSHIP = "membership", _("Lid worden van een buurtpreventiegroep: aanvragen en antwoorden")
    MODERATION_QUEUE = "moderation_queue", _("Er wacht iets op moderatie")
    OTHER = "other", _("Overige meldingen")


class Email(models.TextChoices):
    """How a kind reaches the inbox. Every notification is on the site as well."""

    OFF = "off", _("Geen e-mail, alleen op de site")
    INSTANT = "instant", _("Meteen een e-mail")
    DAILY = "daily", _("Eén e-mail per dag")
    WEEKLY = "weekly", _("Eén e-mail per week")


@dataclass(frozen=True)
class Default:
    email: str
    push: bool


# What a resident would choose without looking: answers and messages at once, urgent notices by every way.
DEFAULTS: dict[str, Default] = {
    Kind.RESPONSE: Default(Email.INSTANT, True),
    Kind.MESSAGE: Default(Email.INSTANT, True),
    Kind.MATCH: Default(Email.OFF, False),  # the marketplace's own opt-in digest covers matches
    Kind.MODERATION_DECISION: Default(Email.INSTANT, False),
    Kind.STORY_PUBLISHED: Default(Email.INSTANT, False),
    Kind.ACTIVITY_REMINDER: Default(Email.INSTANT, False),
    Kind.NOTICE_URGENT: Default(Email.INSTANT, True),
    Kind.NOTICE: Default(Email.OFF, False),
    Kind.MEMBERSHIP: Default(
        Email.INSTANT, False
    ),  # a coordinator who is rarely online still hears of a request
    Kind.MODERATION_QUEUE: Default(Email.DAILY, False),
    Kind.OTHER: Default(Email.OFF, False),
}

# Pushed even in quiet hours.
URGENT_KINDS = frozenset({Kind.NOTICE_URGENT})
# Only moderators see these in their settings.
MODERATOR_KINDS = frozenset({Kind.MODERATION_QUEUE})
# The prevention group's own live channel carries these to open pages; no second live message.
GROUP_KINDS = frozenset({Kind.NOTICE_URGENT, Kind.NOTICE})


def normalise(kind: str) -> str:
    """A known kind, or OTHER for anything else (old rows, tests)."""
    return kind if kind in Kind.values else Kind.OTHER

"""The kinds of personal notification. Every `notify(kind=...)` names one of these; preferences are per kind."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    RESPONSE = "response", _("Iemand reageert op mijn vraag of aanbod")
    MESSAGE = "message", _("Een nieuw bericht")
    MATCH = "match", _("Een vraag die past bij wat ik aanbied")
    MODERATION_DECISION = "moderation_decision", _("Mijn activiteit of bericht is goedgekeurd of verborgen")
    STORY_PUBLISHED = "story_published", _("Mijn verhaal staat online")
    ACTIVITY_REMINDER = "activity_reminder", _("Herinnering aan een activiteit waar ik heen ga")
    NOTICE_URGENT = "notice_urgent", _("Spoedmeldingen van mijn buurtpreventiegroep")
    NOTICE = "notice", _("Andere meldingen van mijn buurtpreventiegroep")
    MODERATION_QUEUE = "moderation_queue", _("Er wacht iets op moderatie")
    OTHER = "other", _("Overige meldingen")

"""Stored notifications get a kind of `notifications.kinds.Kind`; the old free words are mapped."""

from django.db import migrations
from django.db.models import Q

OLD_TO_NEW = {
    "marketplace-match": "match",
    "activity": "moderation_decision",
    "buurtpreventie": "other",
    "test": "other",
    "": "other",
}
KNOWN = [
    "response",
    "message",
    "match",
    "moderation_decision",
    "story_published",
    "activity_reminder",
    "notice_urgent",
    "notice",
    "moderation_queue",
    "other",
]


def forwards(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    # "marketplace" covered answers, messages, approvals and reminders: the text tells which.
    marketplace = Notification.objects.filter(kind="marketplace")
    marketplace.filter(Q(text__contains=" reageert op: ") | Q(text__startswith="Afgesproken!")).update(
        kind="response"
    )
    marketplace.filter(text__startswith="Nieuw bericht van ").update(kind="message")
    marketplace.filter(
        Q(text__startswith="Uw bericht staat nu op") | Q(text__startswith="Een moderator heeft uw bericht")
    ).update(kind="moderation_decision")
    Notification.objects.filter(kind="marketplace").update(kind="other")
    for old, new in OLD_TO_NEW.items():
        Notification.objects.filter(kind=old).update(kind=new)
    Notification.objects.exclude(kind__in=KNOWN).update(kind="other")


class Migration(migrations.Migration):
    dependencies = [("notifications", "0002_preferences_push_digest")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

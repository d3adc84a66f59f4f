"""Background work: tell the members of a group about a new notice, each as they chose (e-mail, push)."""

from django.utils.translation import gettext as _
from django_tasks import task

from notifications.kinds import Kind
from notifications.services import notify_many

from .models import Membership, Notice


@task()
def notify_members_of_notice(*, notice_id: int) -> int:
    """One notification per approved member except the author; urgent notices by their own kind."""
    notice = Notice.objects.select_related("group", "author").filter(pk=notice_id).first()
    if notice is None or notice.is_hidden:
        return 0
    members = [
        m.user
        for m in Membership.objects.approved()
        .filter(group=notice.group)
        .exclude(user=notice.author)
        .select_related("user")
        if m.user.is_active
    ]
    if notice.is_urgent:
        text = _("Spoed in %(group)s: %(text)s") % {"group": notice.group, "text": notice.text}
    else:
        text = _("%(level)s in %(group)s: %(text)s") % {
            "level": notice.get_level_display(),
            "group": notice.group,
            "text": notice.text,
        }
    if notice.street:
        text = f"{text} ({notice.street})"
    url = f"{notice.group.get_absolute_url()}#melding-{notice.pk}"
    kind = Kind.NOTICE_URGENT if notice.is_urgent else Kind.NOTICE
    return len(notify_many(users=members, kind=kind, text=text, url=url))

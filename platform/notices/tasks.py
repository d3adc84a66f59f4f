"""Background work: e-mail urgent notices to members who asked for it and were not connected."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_tasks import task

from . import realtime
from .models import Membership, Notice


@task()
def email_urgent_notice(*, notice_id: int) -> int:
    notice = Notice.objects.select_related("group", "author").filter(pk=notice_id).first()
    if notice is None or notice.is_hidden:
        return 0
    recipients = list(
        Membership.objects.approved()
        .filter(group=notice.group, email_urgent=True)
        .exclude(user=notice.author)
        .select_related("user")
    )
    online = realtime.connected_user_ids([m.user_id for m in recipients])
    subject = _("Spoedmelding van %(group)s") % {"group": notice.group}
    body = render_to_string(
        "notices/email/urgent_notice.txt",
        {"notice": notice, "site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")},
    )
    messages = [
        (subject, body, None, [m.user.email]) for m in recipients if m.user_id not in online and m.user.email
    ]
    return send_mass_mail(messages, fail_silently=False) if messages else 0

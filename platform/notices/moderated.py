"""What the moderation queue may do with a reported notice (found through ``core.registry``).

Only members of the group may report a notice; a moderator sees the reported notice in the queue and
may hide it, but does not read the group's feed.
"""

from django.utils.translation import gettext_lazy as _

from core.moderated import ModeratedKind

from . import services
from .models import Membership, Notice


class NoticeKind(ModeratedKind):
    name = "notice"
    label = _("Buurtpreventiemelding")
    model = Notice
    actions = {"hide", "unhide"}
    select_related = ("author", "group")

    def may_report(self, *, user, obj: Notice) -> bool:
        member = Membership.objects.approved().filter(group_id=obj.group_id, user=user).exists()
        return member and obj.author_id != user.pk and not obj.is_hidden

    def title(self, obj: Notice) -> str:
        return f"{obj.group.name}: {obj.get_level_display()}"

    def text(self, obj: Notice) -> str:
        return f"{obj.street}\n{obj.text}".strip()

    def url(self, obj: Notice) -> str:
        return ""  # the group's feed is for its members only

    def back_url(self, obj: Notice) -> str:
        return obj.group.get_absolute_url()

    def hide(self, *, obj: Notice, by, reason: str) -> None:
        services.set_notice_hidden(notice=obj, by=by, hidden=True)

    def unhide(self, *, obj: Notice, by, reason: str = "") -> None:
        services.set_notice_hidden(notice=obj, by=by, hidden=False)


KINDS = [NoticeKind()]

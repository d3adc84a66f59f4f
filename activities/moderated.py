"""What the moderation queue may do with activities (found through ``core.registry``).

A resident's activity waits for a moderator; this app never imports the moderation app.
"""

from django.utils.translation import gettext_lazy as _

from core.moderated import ModeratedKind

from . import services
from .models import Activity


class ActivityKind(ModeratedKind):
    name = "activity"
    label = _("Activiteit")
    model = Activity
    actions = {"approve", "hide", "unhide", "request_changes"}
    author_sees_hidden = True
    select_related = ("owner", "organisation")
    author_field = "owner"

    def pending(self) -> list[Activity]:
        return list(self.queryset().filter(status=Activity.Status.PENDING).order_by("updated_at"))

    def waits(self, obj: Activity) -> bool:
        return obj.status == Activity.Status.PENDING

    def may_report(self, *, user, obj: Activity) -> bool:
        return obj.status == Activity.Status.PUBLISHED and obj.owner_id != user.pk

    def state(self, obj: Activity) -> str:
        return {Activity.Status.PENDING: "pending", Activity.Status.HIDDEN: "hidden"}.get(
            obj.status, "visible"
        )

    def text(self, obj: Activity) -> str:
        return f"{obj.summary}\n{obj.description}".strip()

    def approve(self, *, obj: Activity, by, reason: str = "") -> None:
        services.publish_activity(activity=obj, by=by)

    def hide(self, *, obj: Activity, by, reason: str) -> None:
        services.hide_activity(activity=obj, by=by, reason=reason)

    def unhide(self, *, obj: Activity, by, reason: str = "") -> None:
        services.unhide_activity(activity=obj, by=by)

    def request_changes(self, *, obj: Activity, by, reason: str) -> None:
        services.request_activity_changes(activity=obj, by=by, message=reason)


KINDS = [ActivityKind()]

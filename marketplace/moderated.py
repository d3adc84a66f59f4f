"""What the moderation queue may do with asks and offers and with messages.

The moderation app finds these through ``core.registry``, so this app
never imports it. Each kind reads and writes through this app's own selectors and services.
"""

from django.utils.translation import gettext_lazy as _

from core.moderated import ModeratedKind

from . import selectors, services
from .models import Listing, Message, Status


class ListingKind(ModeratedKind):
    name = "listing"
    label = _("Vraag of aanbod")
    model = Listing
    actions = {"approve", "hide", "unhide", "request_changes"}
    author_sees_hidden = True
    select_related = ("owner",)
    author_field = "owner"

    def pending(self) -> list[Listing]:
        qs = self.queryset().filter(is_pending=True).exclude(status=Status.HIDDEN)
        return list(qs.order_by("created_at"))

    def waits(self, obj: Listing) -> bool:
        return obj.is_pending and not obj.is_hidden

    def may_report(self, *, user, obj: Listing) -> bool:
        return (
            obj.owner_id != user.pk
            and not obj.is_hidden
            and selectors.listing_for(pk=obj.pk, user=user) is not None
        )

    def state(self, obj: Listing) -> str:
        return "hidden" if obj.is_hidden else "pending" if obj.is_pending else "visible"

    def text(self, obj: Listing) -> str:
        return obj.text

    def approve(self, *, obj: Listing, by, reason: str = "") -> None:
        services.approve_listing(listing=obj, by=by)

    def hide(self, *, obj: Listing, by, reason: str) -> None:
        services.hide_listing(listing=obj, by=by, reason=reason)

    def unhide(self, *, obj: Listing, by, reason: str = "") -> None:
        services.unhide_listing(listing=obj, by=by)

    def request_changes(self, *, obj: Listing, by, reason: str) -> None:
        services.request_listing_changes(listing=obj, by=by, message=reason)


class MessageKind(ModeratedKind):
    name = "message"
    label = _("Bericht in een gesprek")
    model = Message
    actions = {"hide", "unhide"}
    select_related = ("author", "conversation")

    def may_report(self, *, user, obj: Message) -> bool:
        conversation = selectors.conversation_for(pk=obj.conversation_id, user=user)
        return conversation is not None and obj.author_id != user.pk and not obj.is_hidden

    def title(self, obj: Message) -> str:
        return str(_("Bericht van %(name)s") % {"name": obj.author.public_name})

    def text(self, obj: Message) -> str:
        return obj.text

    def url(self, obj: Message) -> str:
        return ""  # a private conversation: the moderator reads the reported message in the queue only

    def back_url(self, obj: Message) -> str:
        return obj.conversation.get_absolute_url()

    def hide(self, *, obj: Message, by, reason: str) -> None:
        services.hide_message(message=obj, by=by)

    def unhide(self, *, obj: Message, by, reason: str = "") -> None:
        services.unhide_message(message=obj, by=by)


KINDS = [ListingKind(), MessageKind()]

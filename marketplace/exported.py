"""How a person reads their asks, offers and conversations in the privacy export (``accounts.readable``)."""

from operator import attrgetter

from django.utils.translation import gettext_lazy as _

from accounts.readable import ReadableKind

from .models import Category, FollowUp, Listing, MatchPreference, Message, Response


def _category_names(preference: MatchPreference) -> list[str]:
    names = dict(Category.choices)
    return [str(names.get(category, category)) for category in preference.categories]


KINDS = [
    ReadableKind(
        model=Listing,
        heading=attrgetter("title"),
        fields=(
            "kind",
            "category",
            "text",
            "when",
            "area",
            "status",
            "is_pending",
            "on_behalf_name",
            "consent_at",
            "created_at",
            "expires_at",
            "moderation_note",
        ),
    ),
    ReadableKind(
        model=Response,
        title=_("Reacties op vraag en aanbod"),
        heading=attrgetter("listing.title"),
        fields=(
            (_("gereageerd op"), attrgetter("created_at")),
            (_("afgesproken op"), attrgetter("accepted_at")),
            (_("uw bedankje"), attrgetter("responder_thanks")),
        ),
        select_related=("listing",),
    ),
    ReadableKind(
        model=Message,
        heading=attrgetter("conversation.response.listing.title"),
        fields=("text", (_("verstuurd op"), attrgetter("created_at"))),
        select_related=("conversation__response__listing",),
    ),
    ReadableKind(
        model=FollowUp,
        heading=attrgetter("response.listing.title"),
        fields=("answer", "minutes_spent", (_("beantwoord op"), attrgetter("answered_at"))),
        select_related=("response__listing",),
    ),
    ReadableKind(
        model=MatchPreference,
        fields=("notify", (_("categorieën"), _category_names), "area", "digest"),
    ),
]

"""How a person reads the stories they sent in, in the privacy export (see ``accounts.readable``).

One entry per story: its title, its state in the words of /mijn/ and its dates. The page's revisions,
workflow and place in the page tree are Wagtail's own rows, kept in gegevens.json only.
"""

from operator import attrgetter

from django.utils.translation import gettext_lazy as _

from accounts.readable import ReadableKind

from .models import StoryPage
from .selectors import submission_state

#: The words /mijn/ uses for the state of a story (stories/includes/mine.html).
STATE_NAMES = {
    "published": _("Staat online"),
    "in_review": _("De redactie leest uw verhaal"),
    "needs_changes": _("De redactie neemt contact met u op"),
    "not_published": _("Niet geplaatst"),
    "received": _("Ontvangen"),
}


def _state(story: StoryPage) -> str:
    return STATE_NAMES[submission_state(story=story)]


KINDS = [
    ReadableKind(
        model=StoryPage,
        heading=attrgetter("title"),
        fields=(
            (_("status"), _state),
            "publication_consent_at",
            "first_published_at",
            "author_name",
            "intro",
            "hero_alt",
            "photo_consent_at",
            "edition",
        ),
        select_related=("edition",),
    ),
]

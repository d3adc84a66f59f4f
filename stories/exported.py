"""How a person reads the stories they sent in, in the privacy export (see ``accounts.readable``).

One entry per story: its title, its state in the words of /mijn/ and its dates. The page's revisions,
workflow and place in the page tree are Wagtail's own rows, kept in gegevens.json only.
"""

from operator import attrgetter

from django.utils.translation import gettext_lazy as _

from accounts.readable import ReadableKind

from .models import StoryPage
from .selectors import state_name, submission_state


def _state(story: StoryPage) -> str:
    return state_name(submission_state(story=story))


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
        user_fields=("submitted_by",),  # not the stories an editor created, edited or locked
    ),
]

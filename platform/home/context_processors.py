from django.utils.functional import SimpleLazyObject

from accounts.roles import is_moderator

from .impact import can_see_impact
from .navigation import main_sections, story_index_url


def site_navigation(request):
    path = getattr(request, "path", "/")
    user = getattr(request, "user", None)

    def items():
        return [
            {"url": url, "label": label, "icon": icon, "active": path.startswith(url) and url != "/"}
            for url, label, icon in main_sections()
        ]

    return {
        "main_navigation": SimpleLazyObject(items),
        "story_index_url": SimpleLazyObject(story_index_url),
        # The partners' figures link is shown only to whom /impact/ opens.
        "may_see_impact": SimpleLazyObject(lambda: can_see_impact(user)),
        # Moderators reach their queue from the menu on every page.
        "may_moderate": SimpleLazyObject(lambda: bool(user and user.is_authenticated and is_moderator(user))),
    }

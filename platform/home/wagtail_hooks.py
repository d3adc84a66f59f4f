"""Admin-wide rules for pages: the page chooser shows only what the user may see."""

from django.db.models import Q
from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy


@hooks.register("construct_page_chooser_queryset")
def hide_drafts_of_others(pages, request):
    """Published pages, and the drafts the user may edit; never the draft titles of others' submissions."""
    user = request.user
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))

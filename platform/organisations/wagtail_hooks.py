from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisaties")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "summary"]
    panels = [
        "name",
        "slug",
        "kind",
        "summary",
        "helps_with",
        "phone",
        "email",
        "website",
        "address",
        "opening_hours",
        "logo",
        "is_active",
    ]


register_snippet(OrganisationViewSet)

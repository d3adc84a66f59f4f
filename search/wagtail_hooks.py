from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import HelpPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Promotion


class PromotionViewSet(SnippetViewSet):
    """The editors pin a result for a query: an activity or walk-in hour, an organisation or a page."""

    model = Promotion
    icon = "pick"
    menu_label = _("Uitgelicht bij zoeken")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["query", "target_label", "sort_order"]
    ordering = ["query_key", "sort_order"]
    panels = [
        HelpPanel(
            content=_(
                "Wie deze zoekvraag typt, ziet het gekozen resultaat bovenaan. Kies één resultaat: "
                "een activiteit of inloopspreekuur, een organisatie of een pagina."
            )
        ),
        "query",
        "activity",
        "organisation",
        "page",
        "note",
        "sort_order",
    ]


register_snippet(PromotionViewSet)

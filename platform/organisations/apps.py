from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisaties")
    # How the privacy export shows a person their rows (found by accounts through the app registry).
    exported = "organisations.exported.KINDS"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    """Other apps add parts to an organisation's page: ``organisation_part`` on their AppConfig names a
    function of the organisation that gives a part's ``template`` and what it shows, or None."""

    name = "organisations"
    verbose_name = _("Organisaties")
    # How the privacy export shows a person their rows (found by accounts through the app registry).
    exported = "organisations.exported.KINDS"

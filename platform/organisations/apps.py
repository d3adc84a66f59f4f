from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    """Other apps add parts to an organisation's page: ``part`` in their ``organisation_page`` module is a
    function of the organisation that gives a part's ``template`` and what it shows, or None."""

    name = "organisations"
    verbose_name = _("Organisaties")

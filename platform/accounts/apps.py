from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    # How a person reads their own rows in the privacy export (each app names its own, see readable.py).
    exported = "accounts.exported.KINDS"

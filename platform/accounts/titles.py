"""The title of every allauth page we give our own template, keyed by the URL name of allauth's view.

allauth renders its views itself, so no view of ours can pass `title` as our own pages do (wijk/page.html).
accounts.context_processors.allauth_title puts the title of the current page in the context; the layout
(allauth/layouts/base.html) shows it in the browser tab and in the h1. A template whose h1 says more than
the tab fills the layout's `heading` block.
"""

from django.utils.translation import gettext_lazy as _

CONFIRM_IT_IS_YOU = _("Bevestig dat u het bent")

TITLES = {
    # Entrance: logging in, signing up, a forgotten password.
    "account_login": _("Inloggen"),
    "account_request_login_code": _("Inloggen met een code"),
    "account_signup": _("Account maken"),
    "account_email_verification_sent": _("Bevestig uw e-mailadres"),
    "account_confirm_email": _("E-mailadres bevestigen"),
    "account_reset_password": _("Wachtwoord vergeten"),
    "account_reset_password_done": _("Kijk in uw e-mail"),
    "account_reset_password_from_key": _("Nieuw wachtwoord kiezen"),
    "account_reset_password_from_key_done": _("Wachtwoord bewaard"),
    "mfa_authenticate": _("Inloggen: tweede stap"),
    # Confirming it is you before a security change: with the password, a code by e-mail, the app or a passkey.
    "account_reauthenticate": CONFIRM_IT_IS_YOU,
    "account_request_reauthentication_code": CONFIRM_IT_IS_YOU,
    "account_confirm_reauthentication_code": _("Vul de code in"),
    "mfa_reauthenticate": CONFIRM_IT_IS_YOU,
    "mfa_reauthenticate_webauthn": CONFIRM_IT_IS_YOU,
    # Managing the account.
    "account_email": _("Uw e-mailadres"),
    "account_logout": _("Uitloggen"),
    "mfa_index": _("Inloggen in twee stappen"),
    "mfa_activate_totp": _("Authenticator-app instellen"),
    "mfa_deactivate_totp": _("Authenticator-app uitzetten"),
    "mfa_view_recovery_codes": _("Herstelcodes"),
    "mfa_generate_recovery_codes": _("Nieuwe herstelcodes"),
    "mfa_list_webauthn": _("Toegangssleutels"),
    "mfa_add_webauthn": _("Toegangssleutel toevoegen"),
    "mfa_edit_webauthn": _("Naam veranderen"),
    "mfa_remove_webauthn": _("Toegangssleutel verwijderen"),
}

from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from core.site import site_root

from . import roles
from .views import suspended

# The context values of allauth's mails that hold a link.
LINK_KEYS = ("activate_url", "password_reset_url", "signup_url")

# How a person can confirm it is them again, in the site's words (allauth's own say "je").
REAUTHENTICATION_LABELS = {
    "reauthenticate": _("Met uw wachtwoord"),
    "reauthenticate_by_code": _("Met een code per e-mail"),
    "mfa_reauthenticate": _("Met de code uit uw app of een herstelcode"),
    "mfa_reauthenticate:webauthn": _("Met uw toegangssleutel"),
}


def on_site(url: str) -> str:
    """The same path on the site's public address (SITE_URL), whatever host the request came in on."""
    site = urlsplit(settings.SITE_URL)
    parts = urlsplit(url)
    return urlunsplit((site.scheme, site.netloc, parts.path, parts.query, parts.fragment))


class AccountAdapter(DefaultAccountAdapter):
    """New accounts are residents (bewoner); other roles are given by staff. Mails link to SITE_URL.
    Suspended accounts cannot log in. Errors speak the site's "u" (allauth's Dutch says "je")."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _("Dit account is niet actief."),
        "cannot_remove_primary_email": _("U kunt uw hoofdadres niet verwijderen."),
        "duplicate_email": _("Dit e-mailadres hoort al bij uw account."),
        "email_password_mismatch": _("Het e-mailadres of het wachtwoord is niet correct."),
        "email_taken": _("Er is al een account met dit e-mailadres."),
        "enter_current_password": _("Vul uw huidige wachtwoord in."),
        "incorrect_code": _("Deze code klopt niet."),
        "incorrect_password": _("Dit wachtwoord klopt niet."),
        "invalid_or_expired_key": _("Deze link of code werkt niet meer."),
        "invalid_login": _("Inloggen lukt zo niet."),
        "invalid_password_reset": _("Deze link om uw wachtwoord te herstellen werkt niet meer."),
        "max_email_addresses": _("U kunt niet meer dan %d e-mailadressen toevoegen."),
        "too_many_login_attempts": _(
            "U heeft te vaak een verkeerd wachtwoord ingevuld. Probeer het later opnieuw."
        ),
        "unknown_email": _("Dit e-mailadres hoort niet bij een account."),
        "unverified_primary_email": _("Bevestig eerst uw hoofdadres."),
        "select_only_one": _("Kies er één."),
        "same_as_current": _("Het nieuwe moet anders zijn dan het huidige."),
        "rate_limited": _("Even wachten: u stuurt te veel verzoeken kort na elkaar."),
    }

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            group, _ = Group.objects.get_or_create(name=roles.BEWONER)
            user.groups.add(group)
        return user

    def render_mail(self, template_prefix, email, context, headers=None):
        # A name is repeated only to an address its owner confirmed: whoever typed an unconfirmed address
        # chose the name as well (a password reset also goes to an unconfirmed address when it is the only one).
        confirmed = EmailAddress.objects.is_verified(email)
        context = {**context, "site_url": site_root(), "greet_by_name": confirmed}
        for key in LINK_KEYS:
            if isinstance(context.get(key), str) and context[key].startswith(("http://", "https://")):
                context[key] = on_site(context[key])
        return super().render_mail(template_prefix, email, context, headers=headers)

    def pre_login(self, request, user, **kwargs):
        if getattr(user, "suspended_at", None) is not None:
            from allauth.account.internal.stagekit import clear_login

            clear_login(request)
            return suspended(request, reason=user.suspension_reason)
        return super().pre_login(request, user, **kwargs)

    def get_reauthentication_methods(self, user) -> list[dict]:
        return [
            {**method, "description": REAUTHENTICATION_LABELS.get(method["id"], method["description"])}
            for method in super().get_reauthentication_methods(user)
        ]

from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
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
    Suspended accounts cannot log in."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            group, _ = Group.objects.get_or_create(name=roles.BEWONER)
            user.groups.add(group)
        return user

    def render_mail(self, template_prefix, email, context, headers=None):
        context = {**context, "site_url": site_root()}
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

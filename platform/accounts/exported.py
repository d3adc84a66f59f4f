"""How a person reads their account's own rows in the privacy export (see ``accounts.readable``)."""

from operator import attrgetter

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils.translation import gettext_lazy as _

from .models import Block
from .readable import ReadableKind

AUTHENTICATOR_NAMES = {
    Authenticator.Type.RECOVERY_CODES: _("Herstelcodes"),
    Authenticator.Type.TOTP: _("Authenticator-app"),
    Authenticator.Type.WEBAUTHN: _("Toegangssleutel"),
}

KINDS = [
    ReadableKind(
        model=Block,
        title=_("Mensen die u heeft geblokkeerd"),
        heading=attrgetter("blocked.public_name"),
        fields=("created_at",),
        select_related=("blocked",),
        user_fields=("blocker",),  # who blocked the person is someone else's choice, kept in gegevens.json
    ),
    ReadableKind(
        model=EmailAddress,
        heading=attrgetter("email"),
        fields=("verified", "primary"),
    ),
    ReadableKind(
        model=Authenticator,
        title=_("Inloggen in twee stappen"),
        heading=lambda authenticator: AUTHENTICATOR_NAMES.get(authenticator.type, authenticator.type),
        fields=(
            (_("gemaakt op"), attrgetter("created_at")),
            (_("laatst gebruikt"), attrgetter("last_used_at")),
        ),
    ),
]

"""Roles are Django groups. One place names them and answers "may this user …?"."""

from django.utils.translation import gettext_lazy as _

from core.exceptions import ApplicationError

BEWONER = "bewoner"
VRIJWILLIGER = "vrijwilliger"
PROFESSIONAL = "professional"
REDACTIE = "redactie"
MODERATOR = "moderator"

ROLES = {
    BEWONER: _("Bewoner"),
    VRIJWILLIGER: _("Vrijwilliger"),
    PROFESSIONAL: _("Wijkprofessional"),
    REDACTIE: _("Redactie Rucreant"),
    MODERATOR: _("Moderator"),
}


def role_names(user) -> set[str]:
    """The role names of a user, cached on the instance for the request."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def has_role(user, role: str) -> bool:
    return role in role_names(user)


def is_moderator(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or has_role(user, MODERATOR)


def require_moderator(user, message: str | None = None) -> None:
    """Refuse (a Dutch 403) unless the user is a moderator; `message` says what only a moderator may do."""
    if not is_moderator(user):
        raise ApplicationError(message or _("Alleen moderatoren mogen dit."), code="forbidden")


def is_editor(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or has_role(user, REDACTIE)


def is_professional(user) -> bool:
    return has_role(user, PROFESSIONAL)


def is_volunteer(user) -> bool:
    return has_role(user, VRIJWILLIGER)


def is_staff_account(user) -> bool:
    """Staff: editors, moderators and anyone who may open the Wagtail or Django admin.

    Staff accounts must use a second factor (an authenticator app) before they reach those pages.
    """
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        user.is_superuser
        or user.is_staff
        or bool(role_names(user) & {MODERATOR, REDACTIE})
        or user.has_perm("wagtailadmin.access_admin")
    )

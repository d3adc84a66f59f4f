"""Writes and privacy actions on accounts."""

import io
import json
import secrets
import zipfile

from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import ApplicationError

from . import deletion, readable, roles
from .models import Block, User

# The name under which a deleted person's messages stay in someone else's conversation.
FORMER_MEMBER_NAME = "oud-lid"

# Models that hold no data of the person themselves, or only secrets.
_EXPORT_SKIP = {
    "sessions.session",
    "admin.logentry",
    "account.emailconfirmation",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailusers.userprofile",
}


def create_user(
    *,
    email: str,
    password: str | None,
    display_name: str = "",
    role_names: tuple[str, ...] = (),
    verified: bool = False,
    is_staff: bool = False,
    is_superuser: bool = False,
) -> User:
    """Create a user with roles; optionally mark the e-mail address as verified."""
    with transaction.atomic():
        user = User.objects.create_user(
            email=email,
            password=password,
            display_name=display_name,
            is_staff=is_staff,
            is_superuser=is_superuser,
        )
        set_roles(user=user, role_names=role_names)
        if verified:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def set_roles(*, user: User, role_names: tuple[str, ...] | list[str]) -> None:
    unknown = set(role_names) - set(roles.ROLES)
    if unknown:
        raise ValueError(f"Unknown roles: {sorted(unknown)}")
    groups = [Group.objects.get_or_create(name=name)[0] for name in role_names]
    user.groups.add(*groups)
    user.__dict__.pop("_role_names", None)


def has_verified_email(user) -> bool:
    """Residents must verify their e-mail address before their first post."""
    if not getattr(user, "is_authenticated", False):
        return False
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def require_may_post(user) -> None:
    """Refuse anything a suspended account tries to post (the login is refused too, see the adapter)."""
    if getattr(user, "suspended_at", None) is not None:
        raise ApplicationError(
            _("Uw account is geschorst door een moderator. U kunt nu niets plaatsen."), code="forbidden"
        )


@transaction.atomic
def suspend_user(*, user: User, reason: str) -> User:
    """Suspend an account: it cannot log in or post, and its public posts are hidden (the content apps'
    querysets leave out posts of suspended owners). The moderation app keeps who decided and why."""
    reason = reason.strip()
    if not reason:
        raise ApplicationError(_("Schrijf op waarom u dit account schorst."), field="reason")
    if roles.is_moderator(user):
        raise ApplicationError(_("Een moderator kunt u hier niet schorsen."), code="forbidden")
    user.suspended_at = timezone.now()
    user.suspension_reason = reason[:500]
    user.save(update_fields=["suspended_at", "suspension_reason"])
    return user


@transaction.atomic
def lift_suspension(*, user: User) -> User:
    user.suspended_at = None
    user.suspension_reason = ""
    user.save(update_fields=["suspended_at", "suspension_reason"])
    return user


def is_blocked_between(first, second) -> bool:
    """True when either person blocked the other."""
    return Block.objects.filter(
        models.Q(blocker=first, blocked=second) | models.Q(blocker=second, blocked=first)
    ).exists()


@transaction.atomic
def block_user(*, blocker: User, blocked: User) -> Block:
    if blocker.pk == blocked.pk:
        raise ApplicationError(_("U kunt uzelf niet blokkeren."))
    block, _created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    return block


@transaction.atomic
def unblock_user(*, blocker: User, blocked: User) -> int:
    deleted, _kinds = Block.objects.filter(blocker=blocker, blocked=blocked).delete()
    return deleted


def _user_relations():
    """Every (model, field) in the app registry that points at the user model."""
    for model in apps.get_models():
        if model._meta.label_lower in _EXPORT_SKIP:
            continue
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey | models.OneToOneField)
                and field.concrete
                and field.related_model is User
            ):
                yield model, field


def _collect(*, user: User) -> dict[str, object]:
    data: dict[str, object] = {
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "date_joined": user.date_joined,
            "privacy_accepted_at": user.privacy_accepted_at,
            "roles": sorted(roles.role_names(user)),
        }
    }
    for model, field in _user_relations():
        rows = model._default_manager.filter(**{field.name: user})
        if rows.exists():
            key = f"{model._meta.label_lower}.{field.name}"
            data[key] = json.loads(serializers.serialize("json", rows))
    return data


def export_user_data(*, user: User) -> str:
    """All data that refers to the user, found through the app registry, as JSON."""
    return json.dumps(_collect(user=user), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def export_user_archive(*, user: User) -> bytes:
    """A ZIP with all the data as JSON (complete, for machines) and an HTML overview for people to read."""
    data = _collect(user=user)
    summary = render_to_string("accounts/export_summary.html", readable.summary_context(user=user))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("overzicht.html", summary)
        archive.writestr(
            "gegevens.json", json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        )
    return buffer.getvalue()


def delete_account(*, user: User, keep_posts: bool = False) -> None:
    """Delete the account and the person's own data; other people keep their words.

    Messages in someone else's conversation stay, under an anonymous "oud-lid" account, so the other person
    still reads the whole conversation. Stories and activities are removed, or kept without the person's name
    (`keep_posts`). Notifications of others that point at removed things go too.
    """
    with transaction.atomic():
        former = User.objects.create_user(
            email=f"oud-lid-{secrets.token_hex(8)}@invalid.example",
            password=None,
            display_name=FORMER_MEMBER_NAME,
            is_active=False,
        )
        removed = deletion.run_cleanups(user=user, former=former, keep_posts=keep_posts)
        user.delete()
        deletion.forget(removed)

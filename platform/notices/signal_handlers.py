"""Keep open live connections in step with memberships and logins (sent on commit)."""

from django.db import transaction

from . import realtime
from .models import Membership


def membership_saved(sender, instance: Membership, created: bool = False, **kwargs) -> None:
    # A new membership that is not approved has no open connection listening to the group yet.
    if not created and (instance.status != Membership.Status.APPROVED or not instance.group.is_active):
        membership_deleted(sender, instance)


def membership_deleted(sender, instance: Membership, **kwargs) -> None:
    user_id, group_id = instance.user_id, instance.group_id
    transaction.on_commit(lambda: realtime.leave_prevention_group(user_id=user_id, group_id=group_id))


def user_logged_out(sender, request, user, **kwargs) -> None:
    if user is not None:
        user_id = user.pk
        transaction.on_commit(lambda: realtime.disconnect_user(user_id=user_id))


def user_deleted(sender, instance, **kwargs) -> None:
    user_id = instance.pk
    transaction.on_commit(lambda: realtime.disconnect_user(user_id=user_id))


def user_changing(sender, instance, raw: bool = False, update_fields=None, **kwargs) -> None:
    """A new password or a suspension ends the user's live connections (sessions of the old password are
    invalid, a suspended account may not listen; the session that changed a password reconnects at once)."""
    if raw or instance.pk is None:
        return
    watched = {"password", "suspended_at"}
    if update_fields is not None and not watched & set(update_fields):
        return
    old = sender._default_manager.filter(pk=instance.pk).values("password", "suspended_at").first()
    if old is None:
        return
    # old password "": a row saved before its first password was set
    new_password = bool(old["password"]) and old["password"] != instance.password
    suspended = old["suspended_at"] is None and instance.suspended_at is not None
    if new_password or suspended:
        user_id = instance.pk
        transaction.on_commit(lambda: realtime.disconnect_user(user_id=user_id))

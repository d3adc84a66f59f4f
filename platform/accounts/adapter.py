from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.models import Group
from django.shortcuts import render

from . import roles


class AccountAdapter(DefaultAccountAdapter):
    """New accounts are residents (bewoner); other roles are given by staff. Suspended accounts stay out."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            group, _ = Group.objects.get_or_create(name=roles.BEWONER)
            user.groups.add(group)
        return user

    def pre_login(self, request, user, **kwargs):
        if getattr(user, "suspended_at", None) is not None:
            from allauth.account.internal.stagekit import clear_login

            clear_login(request)
            return render(request, "accounts/suspended.html", {"reason": user.suspension_reason}, status=403)
        return super().pre_login(request, user, **kwargs)

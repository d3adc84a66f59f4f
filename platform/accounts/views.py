from allauth.account.views import EmailView as AllauthEmailView
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import dashboard, services
from .forms import DeleteAccountForm, ProfileForm


@login_required
def mine(request):
    return render(
        request,
        "accounts/mine.html",
        {
            "sections": dashboard.sections_for(request.user),
            "profile_form": ProfileForm(instance=request.user),
        },
    )


@login_required
@require_POST
def profile(request):
    form = ProfileForm(request.POST, instance=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, _("Uw naam is opgeslagen."))
        return redirect("accounts:mine")
    return render(
        request,
        "accounts/mine.html",
        {"sections": dashboard.sections_for(request.user), "profile_form": form},
        status=400,
    )


@login_required
@require_POST
def export(request):
    payload = services.export_user_archive(user=request.user)
    response = HttpResponse(payload, content_type="application/zip")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mijn-gegevens-{stamp}.zip"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    context = {"title": _("Account verwijderen"), "form": form}
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            logout(request)
            keep_posts = form.cleaned_data["posts"] == DeleteAccountForm.KEEP
            services.delete_account(user=user, keep_posts=keep_posts)
            messages.success(request, _("Uw account en uw gegevens zijn verwijderd."))
            return redirect("wagtail_serve", "")
        return render(request, "accounts/delete.html", context, status=400)
    return render(request, "accounts/delete.html", context)


def verify_email_first(request, *, then: str):
    """The 403 page for a first post before the e-mail address is verified; `then` says what comes after."""
    return render(
        request,
        "accounts/verify_first.html",
        {"title": _("Bevestig eerst uw e-mailadres"), "then": then},
        status=403,
    )


def admin_login(request):
    """The admin login pages hand over to the one login (allauth), keeping where to go next."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = request.path.removesuffix("login/")
    return redirect(reverse("account_login") + "?" + urlencode({"next": target}))


def privacy(request):
    return render(request, "accounts/privacy.html", {"title": _("Privacyverklaring")})


def suspended(request, *, reason: str):
    """The 403 page for a suspended account, at log-in or on its next request."""
    context = {"title": _("Uw account is geschorst"), "reason": reason}
    return render(request, "accounts/suspended.html", context, status=403)


class EmailView(AllauthEmailView):
    """allauth's e-mail page, but "Stuur de bevestiging opnieuw" never does nothing without a word: when
    allauth holds the mail back (one per address every few minutes), the resident is told so."""

    def _action_send(self, request, *args, **kwargs):
        response = super()._action_send(request, *args, **kwargs)
        if not self._did_send_verification_email and self._get_email_address(request):
            messages.info(
                request,
                _(
                    "We stuurden net al een e-mail naar dit adres. Kijk in uw inbox en bij de ongewenste "
                    "e-mail. Over een paar minuten kunt u een nieuwe vragen."
                ),
            )
        return response

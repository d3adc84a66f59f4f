from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.roles import is_moderator
from accounts.services import has_verified_email
from accounts.views import verify_email_first
from core.exceptions import ApplicationError
from core.forms import add_application_error
from core.ratelimit import limit_posts
from core.views import run_service

from .. import selectors, services
from ..filters import ListingFilterSet
from ..forms import ListingForm, PreferenceForm, RespondForm
from ..models import Area, Category, Kind, Listing

PER_PAGE = 20


def listing_list(request):
    filterset = ListingFilterSet(request.GET)
    for problem in filterset.problems:
        messages.warning(request, problem)
    qs = selectors.listing_page(filterset=filterset)
    page = Paginator(qs, PER_PAGE).get_page(request.GET.get("pagina"))
    query = filterset.query
    return render(
        request,
        "marketplace/listing_list.html",
        {
            "title": _("Vraag en aanbod"),
            "page": page,
            "listings": page.object_list,
            "filters": {name: query.get(name, "") for name in ("soort", "categorie", "buurt")},
            "query": query,
            "kinds": Kind.choices,
            "categories": Category.choices,
            "areas": Area.choices,
        },
    )


def listing_detail(request, pk: int):
    listing = selectors.listing_for(pk=pk, user=request.user)
    if listing is None:
        raise Http404
    return _detail_page(request, listing, RespondForm(listing=listing))


def _detail_page(request, listing, respond_form, *, status: int = 200):
    is_owner = request.user.is_authenticated and request.user.pk == listing.owner_id
    context = {
        "listing": listing,
        "is_owner": is_owner,
        "respond_form": respond_form,
        "is_moderator": is_moderator(request.user),
    }
    if is_owner:
        context["responses"] = selectors.responses_for_owner(listing=listing)
        if listing.is_matchable():
            context["matches"] = selectors.matches_for(listing=listing)
    else:
        context["my_response"] = selectors.response_of(listing=listing, user=request.user)
    return render(request, "marketplace/listing_detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
@limit_posts("listing")
def listing_create(request):
    if not has_verified_email(request.user):
        return verify_email_first(request, then=_("Daarna kunt u iets plaatsen."))
    allow_on_behalf = services.may_post_on_behalf(request.user)
    kind = request.GET.get("soort", "")
    form = ListingForm(
        request.POST or None,
        allow_on_behalf=allow_on_behalf,
        initial={"kind": kind} if kind in Kind.values else None,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        on_behalf = bool(data.get("on_behalf"))
        try:
            listing = services.create_listing(
                owner=request.user,
                kind=data["kind"],
                category=data["category"],
                title=data["title"],
                text=data["text"],
                when=data["when"],
                area=data["area"],
                on_behalf_name=data.get("on_behalf_name", "") if on_behalf else "",
                consent=bool(data.get("consent")),
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            if listing.is_pending:
                messages.success(
                    request, _("Dank u! Een moderator kijkt er snel naar. Daarna staat het online.")
                )
            else:
                messages.success(request, _("Dank u! Uw bericht staat online."))
            return redirect(listing)
    context = {"title": _("Hulp vragen of bieden"), "form": form}
    return render(
        request, "marketplace/listing_form.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
@limit_posts("listing")
def listing_edit(request, pk: int):
    listing = selectors.listing_for(pk=pk, user=request.user)
    if listing is None or listing.owner_id != request.user.pk:
        raise Http404
    form = ListingForm(request.POST or None, instance=listing)
    if request.method == "POST" and form.is_valid():
        data = {
            name: form.cleaned_data[name] for name in ("kind", "category", "title", "text", "when", "area")
        }
        try:
            services.update_listing(listing=Listing.objects.get(pk=listing.pk), by=request.user, **data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Uw wijzigingen zijn opgeslagen."))
            return redirect(listing)
    context = {"title": _("Uw bericht wijzigen"), "form": form, "editing": True}
    return render(
        request, "marketplace/listing_form.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
@require_POST
@limit_posts("response")
def listing_respond(request, pk: int):
    listing = selectors.listing_for(pk=pk, user=request.user)
    if listing is None:
        raise Http404
    form = RespondForm(request.POST, listing=listing)
    if not form.is_valid():  # the page again, with what was typed and what is wrong with it
        return _detail_page(request, listing, form, status=400)
    try:
        conversation = services.respond(
            listing=listing, responder=request.user, text=form.cleaned_data["text"]
        )
    except ApplicationError as error:
        messages.error(request, str(error))
        return render(
            request, "marketplace/error.html", {"title": _("Dat lukte niet"), "listing": listing}, status=400
        )
    messages.success(request, _("Uw bericht is verstuurd."))
    return redirect(conversation)


def _own_listing_or_404(request, pk: int):
    listing = selectors.listing_for(pk=pk, user=request.user)
    if listing is None or listing.owner_id != request.user.pk:
        raise Http404
    return listing


@login_required
@require_POST
def listing_close(request, pk: int):
    listing = _own_listing_or_404(request, pk)
    if run_service(
        request,
        services.close_listing,
        listing=listing,
        by=request.user,
        success=_("Uw bericht is gesloten."),
    ):
        return redirect("marketplace:list")
    return redirect(listing)


@login_required
@require_POST
def listing_extend(request, pk: int):
    listing = _own_listing_or_404(request, pk)
    run_service(
        request,
        services.renew_listing,
        listing=listing,
        success=_("Verlengd! Uw bericht staat er weer zes weken."),
    )
    return redirect(listing)


@require_http_methods(["GET", "HEAD", "POST"])
def listing_renew(request, token: str):
    """The renew link from the reminder mail; no login needed.

    Opening the link (GET or HEAD, as mail scanners do) changes nothing: it shows one button, and the POST of
    that button renews."""
    listing = services.listing_from_renew_token(token=token)
    if listing is None:
        return _renew_page(request, "failed")
    if not services.renew_token_is_unused(token=token, listing=listing):
        # Pressed again: it was renewed with this link already.
        return _renew_page(request, "ok", listing=listing)
    if request.method != "POST":
        if not services.can_renew(listing=listing):
            return _renew_page(request, "failed", error=_("Dit bericht kan niet meer verlengd worden."))
        return _renew_page(request, "ask", listing=listing, token=token)
    try:
        services.renew_listing(listing=listing)
    except ApplicationError as error:
        return _renew_page(request, "failed", error=str(error))
    return _renew_page(request, "ok", listing=listing)


def _renew_page(request, state: str, *, listing=None, token: str = "", error: str = ""):
    """The renew link's page: `ask` shows the button, `ok` says until when, `failed` says why not (400)."""
    titles = {
        "ask": _("Wilt u uw bericht verlengen?"),
        "ok": _("Verlengd!"),
        "failed": _("Deze link werkt niet meer"),
    }
    context = {"title": titles[state], state: True, "listing": listing, "token": token, "error": error}
    return render(request, "marketplace/renewed.html", context, status=400 if state == "failed" else 200)


def _preferences_section() -> str:
    return reverse("accounts:mine") + "#sectie-marketplace"


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    """The preferences live in the marketplace section of /mijn/; a GET (an old link) goes there."""
    if request.method == "GET":
        return redirect(_preferences_section())
    form = PreferenceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Deze keuze kennen we niet. Probeer het nog eens."))
        return redirect(_preferences_section())
    services.save_preference(user=request.user, **form.cleaned_data)
    messages.success(request, _("Uw keuze is opgeslagen."))
    return redirect(_preferences_section())

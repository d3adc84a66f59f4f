from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Block
from accounts.services import block_user, is_blocked_between, unblock_user
from core.ratelimit import limit_posts
from core.views import run_service
from notifications.selectors import unread_urls
from notifications.services import mark_read

from .. import selectors, services
from ..forms import DoneForm, FollowUpForm, MessageForm
from ..models import FollowUp


def _conversation_or_404(request, pk):
    conversation = selectors.conversation_for(pk=pk, user=request.user)
    if conversation is None:
        raise Http404
    return conversation


@login_required
def conversation_list(request):
    return render(
        request,
        "marketplace/conversation_list.html",
        {
            "title": _("Mijn berichten"),
            "conversations": selectors.conversations_of(user=request.user),
            "unread": unread_urls(user=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@limit_posts("message")
def conversation_detail(request, pk: int):
    conversation = _conversation_or_404(request, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            services.send_message(
                conversation=conversation, author=request.user, text=form.cleaned_data["text"]
            )
            return redirect(conversation)
        return _page(request, conversation, form=form, status=400)
    mark_read(user=request.user, url=conversation.get_absolute_url())  # "Nieuw bericht" is read here
    return _page(request, conversation, form=form)


def _page(request, conversation, *, form=None, done_form=None, status: int = 200):
    response = conversation.response
    listing = response.listing
    other = conversation.other_party(request.user)
    return render(
        request,
        "marketplace/conversation_detail.html",
        {
            "conversation": conversation,
            "response": response,
            "listing": listing,
            "form": form or MessageForm(),
            "other": other,
            "blocked": is_blocked_between(request.user, other),
            "i_blocked": Block.objects.filter(blocker=request.user, blocked=other).exists(),
            "is_owner": listing.owner_id == request.user.pk,
            "i_said_done": response.said_done(request.user),
            "other_said_done": response.said_done(other),
            "done_form": done_form or DoneForm(),
            "chat": conversation.messages.all(),
        },
        status=status,
    )


@login_required
@require_POST
def conversation_accept(request, pk: int):
    conversation = _conversation_or_404(request, pk)
    run_service(
        request,
        services.accept_response,
        response=conversation.response,
        by=request.user,
        success=_("Afgesproken! We laten het de ander weten."),
    )
    return redirect(conversation)


@login_required
@require_POST
def conversation_done(request, pk: int):
    conversation = _conversation_or_404(request, pk)
    form = DoneForm(request.POST)
    if not form.is_valid():  # the page again, with the thank-you as typed and what is wrong
        return _page(request, conversation, done_form=form, status=400)
    run_service(
        request,
        services.mark_done,
        response=conversation.response,
        by=request.user,
        thanks=form.cleaned_data["thanks"],
        minutes_spent=form.cleaned_data["minutes_spent"],
        success=_("Fijn dat het gelukt is! Dank u wel."),
    )
    return redirect(conversation)


@login_required
def message_report(request, pk: int, message_pk: int):
    """An old link: reports go through the one moderation queue."""
    conversation = _conversation_or_404(request, pk)
    message = get_object_or_404(conversation.messages.all(), pk=message_pk)
    return redirect("moderation:report", kind="message", pk=message.pk)


@login_required
@require_POST
def block(request, pk: int):
    """Block (or, with `opheffen`, unblock) the other person of this conversation."""
    conversation = _conversation_or_404(request, pk)
    other = conversation.other_party(request.user)
    if request.POST.get("opheffen"):
        unblock_user(blocker=request.user, blocked=other)
        messages.success(request, _("%(name)s is niet meer geblokkeerd.") % {"name": other.public_name})
    else:
        block_user(blocker=request.user, blocked=other)
        messages.success(
            request,
            _("U heeft %(name)s geblokkeerd. U stuurt elkaar geen berichten meer.")
            % {"name": other.public_name},
        )
    return redirect(conversation)


@login_required
@require_http_methods(["GET", "POST"])
def follow_up(request, pk: int):
    item = get_object_or_404(FollowUp.objects.select_related("response__listing"), pk=pk, user=request.user)
    form = FollowUpForm(
        request.POST or None, initial={"answer": item.answer or None, "minutes_spent": item.minutes_spent}
    )
    if request.method == "POST" and form.is_valid():
        services.answer_follow_up(
            follow_up=item,
            by=request.user,
            answer=form.cleaned_data["answer"],
            minutes_spent=form.cleaned_data["minutes_spent"],
        )
        messages.success(request, _("Dank u voor uw antwoord."))
        return redirect("accounts:mine")
    context = {"title": _("Is het gelukt?"), "form": form, "item": item}
    return render(
        request, "marketplace/follow_up.html", context, status=400 if request.method == "POST" else 200
    )

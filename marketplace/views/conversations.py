from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.views import run_service

from .. import selectors, services
from ..forms import DoneForm, FollowUpForm, MessageForm, ReportForm
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
        {"conversations": selectors.conversations_of(user=request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def conversation_detail(request, pk: int):
    conversation = _conversation_or_404(request, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            services.send_message(
                conversation=conversation, author=request.user, text=form.cleaned_data["text"]
            )
            return redirect(conversation)
        status = 400
    else:
        status = 200
    response = conversation.response
    listing = response.listing
    return render(
        request,
        "marketplace/conversation_detail.html",
        {
            "conversation": conversation,
            "response": response,
            "listing": listing,
            "form": form,
            "other": conversation.other_party(request.user),
            "is_owner": listing.owner_id == request.user.pk,
            "done_form": DoneForm(),
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
    thanks = form.cleaned_data["thanks"] if form.is_valid() else ""
    run_service(
        request,
        services.mark_done,
        response=conversation.response,
        by=request.user,
        thanks=thanks,
        success=_("Fijn dat het gelukt is! Dank u wel."),
    )
    return redirect(conversation)


@login_required
@require_http_methods(["GET", "POST"])
def message_report(request, pk: int, message_pk: int):
    conversation = _conversation_or_404(request, pk)
    message = get_object_or_404(conversation.messages.all(), pk=message_pk, is_hidden=False)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report_content(reporter=request.user, message=message, **form.cleaned_data)
        messages.success(request, _("Dank u. Een moderator kijkt ernaar."))
        return redirect(conversation)
    return render(
        request,
        "marketplace/report_form.html",
        {"form": form, "target": message.text, "back": conversation.get_absolute_url()},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def follow_up(request, pk: int):
    item = get_object_or_404(FollowUp.objects.select_related("response__listing"), pk=pk, user=request.user)
    form = FollowUpForm(
        request.POST or None, initial={"answer": item.answer or None, "minutes_spent": item.minutes_spent}
    )
    if request.method == "POST":
        if form.is_valid():
            services.answer_follow_up(
                follow_up=item,
                by=request.user,
                answer=form.cleaned_data["answer"],
                minutes_spent=form.cleaned_data["minutes_spent"],
            )
            messages.success(request, _("Dank u voor uw antwoord."))
            return redirect("accounts:mine")
        return render(request, "marketplace/follow_up.html", {"form": form, "item": item}, status=400)
    return render(request, "marketplace/follow_up.html", {"form": form, "item": item})

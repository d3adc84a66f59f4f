from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.services import has_verified_email
from accounts.views import verify_email_first
from core.exceptions import ApplicationError
from core.forms import add_application_error
from core.ratelimit import limit_posts

from . import selectors, services
from .filters import StoryFilterSet
from .forms import StorySubmissionForm
from .models import StoryIndexPage

STORIES_PER_PAGE = 10


def story_list_context(*, request, index: StoryIndexPage) -> dict:
    """The context of /verhalen/: filters from the query string, a page of stories."""
    filterset = StoryFilterSet(request.GET)
    values = filterset.values
    theme, edition = values.get("thema"), values.get("editie")
    paginator = Paginator(selectors.story_list(theme=theme, edition=edition), STORIES_PER_PAGE)
    stories = paginator.get_page(request.GET.get("pagina"))
    editions = list(selectors.editions())
    return {
        "stories": stories,
        "themes": selectors.themes_in_use(),
        "editions": editions,
        "edition_links": [(item, edition_url(index=index, edition=item)) for item in editions],
        "current_theme": theme,
        "current_edition": edition,
        "filter_notices": filterset.problems,
        "current_edition_url": edition_url(index=index, edition=edition) if edition else "",
    }


def edition_context(*, request, index: StoryIndexPage, edition) -> dict:
    paginator = Paginator(selectors.story_list(edition=edition), STORIES_PER_PAGE)
    return {"edition": edition, "stories": paginator.get_page(request.GET.get("pagina"))}


def edition_url(*, index: StoryIndexPage, edition) -> str:
    return index.url + index.reverse_subpage("edition", args=[edition.number])


def story_share_context(*, request, story) -> dict:
    """Absolute links for Open Graph and the WhatsApp share button; links back to the listings."""
    index = story.get_parent().specific
    absolute_url = request.build_absolute_uri(story.url) if story.url else ""
    og_image_url = ""
    if story.hero_image:
        og_image_url = request.build_absolute_uri(
            story.hero_image.get_rendition("fill-1200x630|format-jpeg").url
        )
    return {
        "absolute_url": absolute_url,
        "og_image_url": og_image_url,
        "index_url": index.url,
        "edition_url": edition_url(index=index, edition=story.edition) if story.edition_id else "",
        "whatsapp_url": "https://wa.me/?text=" + quote(f"{story.title} {absolute_url}", safe=""),
    }


def keep_photo(*, form: StorySubmissionForm, owner) -> None:
    """The form comes back with errors: keep a photo that was fine, so the resident need not choose it again."""
    photo = form.photo_to_keep()
    if photo is None:
        return
    if not isinstance(photo, services.KeptPhoto):
        photo = services.keep_photo(photo=photo, owner=owner)
    form.keep(photo)


@login_required
@limit_posts("story")
def submit_story(request):
    index = StoryIndexPage.objects.live().first()
    if index is None:
        raise Http404
    if not has_verified_email(request.user):
        return verify_email_first(request, then=_("Daarna kunt u uw verhaal insturen."))
    form = StorySubmissionForm(request.POST or None, request.FILES or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.submit_story(
                author=request.user,
                index=index,
                title=data["title"],
                text=data["text"],
                photo=data["photo"] or None,
                photo_alt=data["photo_alt"],
                publication_consent=data["publication_consent"],
                photo_consent=data["photo_consent"],
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request,
                _("Dank u wel! De redactie leest uw verhaal. U krijgt bericht als het online staat."),
            )
            return redirect(reverse("accounts:mine") + "#sectie-verhalen")
    if request.method == "POST":
        keep_photo(form=form, owner=request.user)
    context = {"title": _("Stuur uw verhaal in"), "form": form, "index": index}
    return render(request, "stories/submit.html", context, status=400 if request.method == "POST" else 200)

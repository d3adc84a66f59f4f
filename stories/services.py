"""Writes of the stories app: a resident sends a story in; the author hears when it is published."""

import posixpath
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from accounts.roles import require_moderator
from accounts.services import require_may_post
from core.double_send import sent_a_moment_ago
from core.exceptions import ApplicationError
from core.images import without_metadata
from core.slugs import save_with_unique_slug
from notifications.kinds import Kind as NotificationKind
from notifications.models import Notification
from notifications.services import notify

from .models import StoryIndexPage, StoryPage


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def _body_from_text(text: str) -> list[tuple[str, RichText]]:
    """Plain text of a resident as paragraphs; every character escaped, so nothing becomes HTML."""
    return [
        ("paragraph", RichText("<p>" + escape(part).replace("\n", "<br>") + "</p>"))
        for part in _paragraphs(text)
    ]


def _add_with_unique_slug(*, index: StoryIndexPage, story: StoryPage) -> StoryPage:
    """Place the story under the index with a slug none of its siblings has; retries on a collision."""
    siblings = index.get_children()
    return save_with_unique_slug(
        story,
        source=story.title,
        fallback="verhaal",
        max_length=70,
        taken=lambda slug: siblings.filter(slug=slug).exists(),
        save=lambda: index.add_child(instance=story),
    )


# Kept photos ----------------------------------------------------------------------------------
# A photo that passed the checks is kept when the form comes back with errors, so it is not lost. The page
# carries a signed reference to it, valid for its resident and for a day; an hourly job removes older files.

KEPT_PHOTOS = "kept_photos"  # a folder of the default storage that is never served (deploy/nginx)
KEPT_PHOTO_SALT = "stories.kept_photo"
KEPT_PHOTO_MAX_AGE = timedelta(days=1)
KEPT_PHOTO_GONE = gettext_lazy(
    "We hebben uw foto niet meer. Kies de foto opnieuw, of stuur uw verhaal zonder foto."
)


@dataclass(frozen=True)
class KeptPhoto:
    reference: str  # signed; goes in the form's hidden field
    path: str  # in the default storage, under a random name
    name: str  # the name of the file the resident chose, to show them

    def open(self) -> ContentFile:
        try:
            with default_storage.open(self.path, "rb") as file:
                return ContentFile(file.read(), name=posixpath.basename(self.path))
        except FileNotFoundError as error:  # removed by the hourly job a moment ago
            raise ApplicationError(KEPT_PHOTO_GONE, field="photo") from error


def keep_photo(*, photo, owner) -> KeptPhoto:
    """Keep an accepted upload for a day: re-encoded without metadata, under a random name. One photo per
    resident: keeping a new one removes the one kept before, so tries with mistakes cannot fill the disk."""
    clean = without_metadata(photo)
    prefix = f"{owner.pk}-"
    path = default_storage.save(f"{KEPT_PHOTOS}/{prefix}{clean.name}", clean)
    try:
        _folders, names = default_storage.listdir(KEPT_PHOTOS)
    except FileNotFoundError:
        names = []
    for name in names:
        if name.startswith(prefix) and f"{KEPT_PHOTOS}/{name}" != path:
            default_storage.delete(f"{KEPT_PHOTOS}/{name}")
    name = posixpath.basename(photo.name or "")[:100]
    reference = signing.dumps({"p": path, "u": owner.pk, "n": name}, salt=KEPT_PHOTO_SALT)
    return KeptPhoto(reference=reference, path=path, name=name)


def kept_photo(*, reference: str, owner) -> KeptPhoto:
    """The photo `owner` kept with this reference; ApplicationError when it is changed, old, of someone
    else or already removed."""
    try:
        data = signing.loads(reference, salt=KEPT_PHOTO_SALT, max_age=KEPT_PHOTO_MAX_AGE)
    except signing.BadSignature:
        data = None
    if not isinstance(data, dict) or data.get("u") != owner.pk:
        raise ApplicationError(KEPT_PHOTO_GONE, field="photo")
    path, name = str(data.get("p", "")), str(data.get("n", ""))
    if posixpath.dirname(path) != KEPT_PHOTOS or not default_storage.exists(path):
        raise ApplicationError(KEPT_PHOTO_GONE, field="photo")
    return KeptPhoto(reference=reference, path=path, name=name)


def forget_kept_photo(*, reference: str, owner) -> None:
    """The resident sends the story without the kept photo: its file goes now, not with the hourly job."""
    try:
        kept = kept_photo(reference=reference, owner=owner)
    except ApplicationError:
        return  # changed, old or gone already: nothing of theirs to remove
    default_storage.delete(kept.path)


def remove_old_kept_photos(*, older_than: timedelta = KEPT_PHOTO_MAX_AGE) -> int:
    """Remove kept photos older than `older_than` (their references no longer work). Returns how many."""
    try:
        _folders, names = default_storage.listdir(KEPT_PHOTOS)
    except FileNotFoundError:
        return 0
    before = timezone.now() - older_than
    removed = 0
    for name in names:
        path = f"{KEPT_PHOTOS}/{name}"
        if default_storage.get_modified_time(path) < before:
            default_storage.delete(path)
            removed += 1
    return removed


# Sending a story in ------------------------------------------------------------------------------


@transaction.atomic
def submit_story(
    *,
    author,
    index: StoryIndexPage,
    title: str,
    text: str,
    photo=None,
    photo_alt: str = "",
    publication_consent: bool,
    photo_consent: bool = False,
) -> StoryPage:
    """Store a resident's story as a draft StoryPage and hand it to the editors' moderation workflow.

    `photo` is an accepted upload or a KeptPhoto; a kept photo is stored like an upload, then its file goes."""
    require_may_post(author)
    if not publication_consent:
        raise ApplicationError(
            _("Zonder uw toestemming kunnen we uw verhaal niet plaatsen."), field="publication_consent"
        )
    if photo is not None and not photo_consent:
        raise ApplicationError(
            _("We plaatsen een foto alleen als iedereen op de foto dat goed vindt."), field="photo_consent"
        )
    intro = Truncator(_paragraphs(text)[0] if text.strip() else title).chars(300)

    def same():
        return StoryPage.objects.filter(submitted_by=author, title=title, intro=intro)

    if (sent := sent_a_moment_ago(same, author=author, stored_at="latest_revision_created_at")) is not None:
        return sent
    now = timezone.now()
    image = None
    if isinstance(photo, KeptPhoto):
        transaction.on_commit(partial(default_storage.delete, photo.path))
        photo = photo.open()
    if photo is not None:
        image = get_image_model().objects.create(
            title=Truncator(title).chars(200),
            file=photo,
            uploaded_by_user=author,
            description=photo_alt[:255],
        )
    story = StoryPage(
        title=title,
        intro=intro,
        body=_body_from_text(text),
        hero_image=image,
        hero_alt=photo_alt if image else "",
        author_name=author.public_name,
        submitted_by=author,
        publication_consent_at=now,
        photo_consent_at=now if image else None,
        live=False,
        owner=author,
    )
    _add_with_unique_slug(index=index, story=story)
    story.save_revision(user=author, log_action=True)
    workflow = story.get_workflow()
    if workflow is not None:
        workflow.start(story, author)
    return story


@transaction.atomic
def notify_author_of_publication(*, story: StoryPage) -> bool:
    """Tell the resident who sent the story that it is online, only once. Returns whether they were told."""
    if story.submitted_by_id is None:
        return False
    claimed = StoryPage.objects.filter(pk=story.pk, author_notified_at__isnull=True).update(
        author_notified_at=timezone.now()
    )
    if not claimed:
        return False
    notify(
        user=story.submitted_by,
        text=_("Uw verhaal “%(title)s” staat op de website. Dank u wel!") % {"title": story.title},
        url=story.url or "",
        kind=NotificationKind.STORY_PUBLISHED,
    )
    return True


NOTIFICATION_TEXT_LENGTH = Notification._meta.get_field("text").max_length


def tell_author_of_requested_changes(*, story: StoryPage, question: str) -> bool:
    """The editors sent the story back ("Wijzigingen vragen"): the resident who sent it reads their question
    (Wagtail's own mail goes to people who work in the admin only). Returns whether they were told."""
    if story.submitted_by_id is None:
        return False
    title = Truncator(story.title).chars(60)
    if question:
        asked = _("De redactie heeft een vraag over uw verhaal “%(title)s”: %(question)s")
        room = NOTIFICATION_TEXT_LENGTH - len(asked % {"title": title, "question": ""})
        text = asked % {"title": title, "question": Truncator(question).chars(room)}
    else:
        text = _("De redactie wil iets weten over uw verhaal “%(title)s”. Kijk op Mijn pagina.") % {
            "title": title
        }
    notify(
        user=story.submitted_by,
        text=text,
        url=reverse("accounts:mine") + "#sectie-verhalen",
        kind=NotificationKind.STORY_PUBLISHED,
    )
    return True


@transaction.atomic
def unpublish_story(*, story: StoryPage, by) -> StoryPage:
    """A moderator takes a reported story offline; the editors can publish it again."""
    require_moderator(by)
    if story.live:
        # The moderator role is checked above; Wagtail's page permissions are the editors'.
        UnpublishPageAction(story, user=by, log_action=True).execute(skip_permission_checks=True)
    return story


@transaction.atomic
def republish_story(*, story: StoryPage, by) -> StoryPage:
    require_moderator(by)
    revision = story.get_latest_revision()
    if not story.live and revision is not None:
        revision.publish(user=by, log_action=True, skip_permission_checks=True)
        story.refresh_from_db()
    return story


ANONYMOUS_AUTHOR = "Een buurtbewoner"


@transaction.atomic
def clear_posts_of_deleted_account(*, user, former, keep_posts: bool) -> list[str]:
    """Before an account goes: the stories the person sent in.

    Drafts that were never published go. Published stories go too, or (`keep_posts`) stay with "Een
    buurtbewoner" as author, without the photo the person sent and without older versions that still hold
    their name. Returns the URLs of the removed stories."""
    removed = []
    for story in StoryPage.objects.filter(submitted_by=user):
        image = (
            story.hero_image if story.hero_image and story.hero_image.uploaded_by_user_id == user.pk else None
        )
        if keep_posts and story.live:
            story.author_name = ANONYMOUS_AUTHOR
            story.submitted_by = None
            story.hero_image = None
            story.hero_alt = ""
            story.owner = None
            story.revisions.all().delete()
            story.latest_revision = story.live_revision = None
            story.save_revision(log_action=False).publish(log_action=False)
        else:
            if story.live and story.url:
                removed.append(story.url)
            story.delete()
        if image is not None:
            image.delete()
    return removed

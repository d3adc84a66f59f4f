"""Professionals keep the iCal feeds of their own organisation: set one up, test it, import now.

Only members of the feed's organisation (and moderators) may; every write goes through these services."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.roles import is_moderator
from core.exceptions import ApplicationError
from core.tasks import enqueue_on_commit
from organisations.selectors import is_member_of, organisations_of

from .models import ICalFeed


def feeds_for(*, user):
    """The feeds a user may manage: those of their organisations (every feed for a moderator)."""
    qs = ICalFeed.objects.select_related("organisation").order_by("organisation__name", "pk")
    if is_moderator(user):
        return qs
    return qs.filter(organisation__in=organisations_of(user=user))


def can_manage_feed(*, user, organisation) -> bool:
    return is_moderator(user) or is_member_of(user=user, organisation=organisation)


def require_feed_manager(*, user, organisation) -> None:
    if not can_manage_feed(user=user, organisation=organisation):
        raise ApplicationError(
            _("U mag alleen de agenda van uw eigen organisatie instellen."), code="forbidden"
        )


@transaction.atomic
def create_ical_feed(*, by, organisation, url: str, category: str) -> ICalFeed:
    require_feed_manager(user=by, organisation=organisation)
    # One organisation's feeds are added one after another: a second tap finds the first (and is told so).
    type(organisation).objects.select_for_update(no_key=True).filter(pk=organisation.pk).first()
    if ICalFeed.objects.filter(organisation=organisation, url=url).exists():
        raise ApplicationError(_("Deze agenda is al ingesteld."), field="url")
    return ICalFeed.objects.create(organisation=organisation, url=url, category=category)


def _read(url: str) -> dict:
    """Fetch and read a feed without changing the agenda: how many series and changed dates it holds.
    What goes wrong is an ApplicationError in words the professional can act on."""
    from .ical import events_of
    from .services import feed_problem, fetch_feed

    try:
        body, _headers = fetch_feed(url)
        series, overrides = events_of(body)
    except Exception as exc:  # noqa: BLE001 — whatever goes wrong is shown to the professional
        raise ApplicationError(feed_problem(exc), field="url") from exc
    return {
        "ok": True,
        "series": len(series),
        "overrides": len(overrides),
        "titles": [s["title"] for s in series[:5]],
    }


def test_ical_feed(*, feed: ICalFeed, by) -> dict:
    """Read the feed again, changing nothing (the button "Testen")."""
    require_feed_manager(user=by, organisation=feed.organisation)
    try:
        return _read(feed.url)
    except ApplicationError as error:
        return {"ok": False, "error": str(error)}


def set_up_ical_feed(*, by, organisation, url: str, category: str) -> tuple[ICalFeed, dict]:
    """Read the address first: a feed that cannot be read is not stored. Then store it and import it at
    once; after that the hourly job keeps it current. Returns the feed and what the first reading found."""
    require_feed_manager(user=by, organisation=organisation)
    if ICalFeed.objects.filter(organisation=organisation, url=url).exists():
        raise ApplicationError(_("Deze agenda is al ingesteld."), field="url")
    found = _read(url)  # outside a transaction: it may wait for another website
    feed = create_ical_feed(by=by, organisation=organisation, url=url, category=category)
    request_import(feed=feed, by=by)
    return feed, found


@transaction.atomic
def request_import(*, feed: ICalFeed, by) -> None:
    """ "Nu importeren": the worker imports this feed after the transaction commits."""
    from .tasks import import_one_feed

    require_feed_manager(user=by, organisation=feed.organisation)
    enqueue_on_commit(import_one_feed, feed_id=feed.pk)


@transaction.atomic
def set_feed_active(*, feed: ICalFeed, by, active: bool) -> ICalFeed:
    require_feed_manager(user=by, organisation=feed.organisation)
    feed.is_active = active
    feed.save(update_fields=["is_active"])
    return feed

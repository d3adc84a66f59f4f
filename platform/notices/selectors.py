"""Reads about prevention groups and notices."""

from datetime import datetime

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet

import notifications.selectors

from .models import Acknowledgement, Membership, Notice, PreventionGroup

FEED_LIMIT = 50
CATCH_UP_LIMIT = 100


def group_list(*, user) -> list[PreventionGroup]:
    """Active groups, each with `my_membership` (or None) for `user`."""
    groups = list(
        PreventionGroup.objects.filter(is_active=True)
        .annotate(member_count=Count("memberships", filter=Q(memberships__status=Membership.Status.APPROVED)))
        .order_by("name")  # a grouped query drops Meta.ordering
    )
    mine = {}
    if getattr(user, "is_authenticated", False):
        mine = {m.group_id: m for m in Membership.objects.filter(user=user)}
    for group in groups:
        group.my_membership = mine.get(group.pk)
    return groups


def membership_of(*, user, group: PreventionGroup) -> Membership | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Membership.objects.filter(user=user, group=group).first()


def memberships_of(*, user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("group").order_by("group__name")


def group_ids_of(*, user) -> list[int]:
    return list(Membership.objects.approved().filter(user=user).values_list("group_id", flat=True))


def feed(*, group: PreventionGroup, user, now=None) -> list[Notice]:
    """The active notices of a group, newest first, with whether `user` saw each one."""
    seen = Acknowledgement.objects.filter(notice=OuterRef("pk"), user=user)
    return list(
        Notice.objects.active(now=now)
        .filter(group=group)
        .select_related("author", "status_by", "group")
        .annotate(seen_by_me=Exists(seen), seen_count=Count("acknowledgements"))
        .order_by("-created_at", "-id")[:FEED_LIMIT]
    )


def seen_by(*, notices: list[Notice]) -> dict[int, list[str]]:
    """For each notice id: who marked it "gezien", by first name or initials. One query."""
    from .models import public_label

    result: dict[int, list[str]] = {n.pk: [] for n in notices}
    rows = Acknowledgement.objects.filter(notice__in=[n.pk for n in notices]).select_related("user")
    for ack in rows:
        result[ack.notice_id].append(public_label(ack.user))
    return result


def members(*, group: PreventionGroup) -> QuerySet[Membership]:
    return Membership.objects.approved().filter(group=group).select_related("user").order_by("role", "id")


def pending_requests(*, group: PreventionGroup) -> QuerySet[Membership]:
    return Membership.objects.requested().filter(group=group).select_related("user")


def notice_for_member(*, user, notice_id: int) -> Notice | None:
    return (
        Notice.objects.visible()
        .for_user(user)
        .select_related("group", "author", "status_by")
        .filter(pk=notice_id)
        .first()
    )


def newest_notice_id(*, user) -> int:
    """The newest notice of any group the user is in: where live news starts on a feed page. A page that
    started from its own group's newest would bring older notices of the user's other groups as new."""
    return Notice.objects.for_user(user).aggregate(newest=Max("pk"))["newest"] or 0


def notices_since(*, user, last_id: int, group: PreventionGroup | None = None, now=None) -> list[Notice]:
    """Active notices newer than `last_id` that `user` may see, oldest first."""
    qs = Notice.objects.active(now=now).for_user(user).filter(pk__gt=last_id)
    if group is not None:
        qs = qs.filter(group=group)
    return list(qs.select_related("group", "author", "status_by").order_by("id")[:CATCH_UP_LIMIT])


def catch_up(
    *, user, last_notice: int | None, last_notification: int | None, group: PreventionGroup | None = None
) -> list[dict]:
    """Everything newer than the given ids, as protocol messages, oldest first per kind.

    A missing id means the client has nothing to catch up on for that kind.
    """
    messages: list[dict] = []
    if last_notice is not None:
        for notice in notices_since(user=user, last_id=last_notice, group=group):
            messages.append(notice.as_message())
            if notice.status:
                messages.append(notice.status_message())
    if last_notification is not None:
        messages.extend(
            n.as_message() for n in notifications.selectors.since(user=user, last_id=last_notification)
        )
    return messages


def impact_counts(*, start: datetime, end: datetime, now: datetime | None = None) -> dict[str, int]:
    """Figures for the impact page: notices posted in the prevention groups and acknowledgements given."""
    return {
        "notices": Notice.objects.filter(created_at__gte=start, created_at__lt=end).count(),
        "acknowledgements": Acknowledgement.objects.filter(created_at__gte=start, created_at__lt=end).count(),
    }


def impact_by_group(*, start: datetime, end: datetime) -> dict[str, int]:
    """Notices posted in [start, end) per prevention group (each covers a part of the district)."""
    rows = (
        Notice.objects.filter(created_at__gte=start, created_at__lt=end)
        .values("group__name")
        .annotate(n=Count("id"))
    )
    return {row["group__name"]: row["n"] for row in rows}


def active_user_ids(*, start: datetime, end: datetime) -> list[QuerySet]:
    """Who posted or acknowledged a notice in [start, end) (ids only, for a distinct count)."""
    return [
        Notice.objects.filter(created_at__gte=start, created_at__lt=end).values("author_id"),
        Acknowledgement.objects.filter(created_at__gte=start, created_at__lt=end).values("user_id"),
    ]

"""Least privilege in the Wagtail admin: notices and memberships are not for editors, professionals or
moderators to browse; moderators may only hide a notice."""

import pytest

from notices.models import Membership, Notice

from .factories import MembershipFactory, NoticeFactory

SECRET = "Verdachte man bij de schuur van nummer 12"

CHOOSERS = [
    "/admin/snippets/choose/notices/notice/",
    "/admin/snippets/choose/notices/notice/results/",
    "/admin/snippets/choose/notices/membership/",
    "/admin/snippets/choose/notices/membership/results/",
    "/admin/snippets/notices/notice/",
    "/admin/snippets/notices/membership/",
]


@pytest.mark.parametrize("path", CHOOSERS)
@pytest.mark.parametrize("who", ["editor", "professional", "moderator"])
def test_staff_cannot_browse_notices_or_members(request, client_for, group, member, path, who):
    NoticeFactory(group=group, author=member, text=SECRET)
    user = request.getfixturevalue(who)
    response = client_for(user).get(path)
    body = response.content.decode()
    assert response.status_code in (302, 403, 404), (path, response.status_code)
    assert SECRET not in body and "Anouk" not in body


def test_moderator_cannot_make_themselves_coordinator(client_for, moderator, group, member):
    membership = MembershipFactory(group=group, user=moderator, status=Membership.Status.REQUESTED)
    client = client_for(moderator)
    url = f"/admin/snippets/notices/membership/edit/{membership.pk}/"
    assert client.get(url).status_code in (302, 403)
    client.post(url, {"group": group.pk, "user": moderator.pk, "role": "coordinator", "status": "approved"})
    membership.refresh_from_db()
    assert membership.role != "coordinator" and membership.status == Membership.Status.REQUESTED


def test_superuser_still_manages_notices(client_for, group, member):
    from tests.factories import UserFactory

    admin = UserFactory(is_superuser=True, is_staff=True)
    NoticeFactory(group=group, author=member, text=SECRET)
    assert SECRET in client_for(admin).get("/admin/snippets/choose/notices/notice/").content.decode()
    assert Notice.objects.count() == 1


def test_privacy_statement_names_who_sees_notices(client, db):
    page = client.get("/privacy/").content.decode()
    assert "Wie ziet meldingen van buurtpreventie?" in page
    assert "De redactie en wijkprofessionals zien geen meldingen" in page

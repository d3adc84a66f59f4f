"""Least privilege in the Wagtail admin: draft titles of others' stories stay out of choosers, search and
reports for admin users who may not edit them."""

import pytest

from .factories import make_story

pytestmark = pytest.mark.django_db

DRAFT = "Geheim concept over de buren"


def admin_views(index):
    return [
        "/admin/choose-page/",
        f"/admin/choose-page/{index.pk}/",
        "/admin/choose-page/search/?q=Geheim",
        "/admin/pages/search/?q=Geheim",
        f"/admin/pages/{index.pk}/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/verhalen/",
    ]


@pytest.mark.parametrize("who", ["professional", "moderator"])
def test_admin_users_without_page_rights_never_see_draft_titles(request, client_for, index, resident, who):
    make_story(title=DRAFT, publish=False, submitted_by=resident)
    client = client_for(request.getfixturevalue(who))
    for path in admin_views(index):
        response = client.get(path)
        assert DRAFT not in response.content.decode(), path


def test_editor_finds_the_draft_in_the_page_chooser(client_for, editor, index, resident):
    make_story(title=DRAFT, publish=False, submitted_by=resident)
    response = client_for(editor).get("/admin/choose-page/search/?q=Geheim")
    assert DRAFT in response.content.decode()

import pytest

from .factories import EditionFactory, ThemeFactory, make_story

pytestmark = pytest.mark.django_db


def test_redactie_manages_editions_and_themes_in_the_wagtail_admin(client_for, editor):
    EditionFactory(number=43)
    ThemeFactory(name="Buurtpreventie", slug="buurtpreventie")
    client = client_for(editor)
    editions = client.get("/admin/snippets/stories/edition/")
    assert editions.status_code == 200 and "Rucreant 43" in editions.content.decode()
    themes = client.get("/admin/snippets/stories/theme/")
    assert themes.status_code == 200 and "Buurtpreventie" in themes.content.decode()
    assert client.get("/admin/snippets/stories/edition/add/").status_code == 200


def test_redactie_can_add_a_story_under_the_index(client_for, editor, index):
    response = client_for(editor).get(f"/admin/pages/add/stories/storypage/{index.pk}/")
    assert response.status_code == 200


def test_resident_has_no_access_to_the_admin(client_for, resident, index):
    story = make_story(publish=False)
    response = client_for(resident).get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 302


def test_redactie_sees_all_stories_with_filters_in_the_admin(client_for, editor, index):
    make_story(title="Gepubliceerd in de wijk")
    make_story(title="Wacht op de redactie", publish=False)
    client = client_for(editor)
    html = client.get("/admin/verhalen/").content.decode()
    assert "Gepubliceerd in de wijk" in html and "Wacht op de redactie" in html
    drafts = client.get("/admin/verhalen/?live=false").content.decode()
    assert "Wacht op de redactie" in drafts and "Gepubliceerd in de wijk" not in drafts
    # a list that fits a phone: title, date and state, not the parent that is always the same
    head = html.split("listing", 1)[1].split("<thead", 1)[1].split("</thead>", 1)[0]
    assert "Status" in head and "Bovenliggende" not in head and "Parent" not in head

"""Notices are never public and never in search."""

import pytest

from .factories import NoticeFactory

SECRET = "Verdachte bestelbus zonder kenteken bij de Lindenlaan"
PUBLIC_PAGES = ["/", "/buurtpreventie/", "/organisaties/", "/buurtpreventie/ruwaard-noord/live/?since=0"]


@pytest.fixture
def notice(group, member):
    return NoticeFactory(group=group, author=member, level="urgent", text=SECRET)


def test_notice_text_is_on_no_public_page(client, notice):
    for path in PUBLIC_PAGES:
        assert SECRET not in client.get(path).content.decode(), path


def test_notice_text_is_not_found_by_search(client_for, client, notice, outsider, member):
    from search.indexing import rebuild_index

    rebuild_index()
    for visitor in (client, client_for(outsider), client_for(member)):
        html = visitor.get("/zoeken/", {"q": "bestelbus kenteken Lindenlaan"}).content.decode()
        assert "We vonden niets voor" in html
        assert notice.group.get_absolute_url() not in html.split('id="inhoud"', 1)[1]
        suggestions = visitor.get("/zoeken/suggesties/", {"q": "bestelbus"}).json()["suggestions"]
        assert suggestions == []


def test_a_group_cannot_take_the_slug_of_the_polling_url(db):
    from django.core.exceptions import ValidationError

    from notices.models import PreventionGroup

    group = PreventionGroup(name="Live", slug="live", area="Noord", description="x")
    with pytest.raises(ValidationError) as error:
        group.full_clean()
    assert "slug" in error.value.message_dict

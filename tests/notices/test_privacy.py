"""Notices are never public and never in search."""

import pytest
from django.urls import Resolver404, resolve

from .factories import NoticeFactory

SECRET = "Verdachte bestelbus zonder kenteken bij de Lindenlaan"
PUBLIC_PAGES = ["/", "/buurtpreventie/", "/organisaties/", "/buurtpreventie/ruwaard-noord/live/?since=0"]


@pytest.fixture
def notice(group, member):
    return NoticeFactory(group=group, author=member, level="urgent", text=SECRET)


def _search_exists() -> bool:
    try:
        resolve("/zoeken/")
    except Resolver404:
        return False
    return True


def test_notice_text_is_on_no_public_page(client, notice):
    for path in PUBLIC_PAGES:
        assert SECRET not in client.get(path).content.decode(), path


def test_notice_text_is_not_found_by_search(client_for, client, notice, outsider, member):
    if not _search_exists():
        pytest.skip("the search page is not part of this build")
    for visitor in (client, client_for(outsider), client_for(member)):
        response = visitor.get("/zoeken/", {"q": SECRET})
        assert SECRET not in response.content.decode()

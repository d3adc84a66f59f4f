import feedparser
import pytest

from .factories import make_story

pytestmark = pytest.mark.django_db


def test_feed_is_valid_rss_with_the_published_stories(client, index):
    for n in range(3):
        make_story(title=f"Feedverhaal {n}", days_ago=5 - n, author_name="Ria")
    make_story(title="Concept", publish=False)
    response = client.get("/verhalen/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version.startswith("rss")
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Feedverhaal 2", "Feedverhaal 1", "Feedverhaal 0"]
    assert feed.entries[0].link.endswith("/verhalen/" + feed.entries[0].link.rsplit("/verhalen/", 1)[1])
    assert feed.entries[0].summary.startswith("Een verhaal uit de wijk")
    assert feed.entries[0].published_parsed is not None


def test_listing_announces_the_feed(client, index):
    html = client.get("/verhalen/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/verhalen/feed/"' in html

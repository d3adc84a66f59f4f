import re

import pytest

from stories.models import StoryPage
from tests.pages import html_of

from .factories import EditionFactory, ThemeFactory, make_story

pytestmark = pytest.mark.django_db


def _cards(html: str) -> list[str]:
    return re.findall(r'<li class="card story-card">.*?</li>', html, flags=re.S)


def test_listing_shows_published_stories_newest_first_with_responsive_hero_images(client, index):
    old = make_story(title="Oud verhaal", days_ago=30)
    middle = make_story(title="Middel verhaal", days_ago=10)
    new = make_story(title="Nieuw verhaal", days_ago=1)
    html = html_of(client.get("/verhalen/"))
    positions = [html.index(story.title) for story in (new, middle, old)]
    assert positions == sorted(positions)
    cards = _cards(html)
    assert len(cards) == 3
    for card, story in zip(cards, (new, middle, old), strict=True):
        assert "<picture>" in card
        assert 'type="image/webp"' in card
        assert re.search(r'srcset="[^"]+ 400w, [^"]+ \d+w"', card)
        assert f'alt="{story.hero_alt}"' in card
        assert re.search(r'<img [^>]*width="\d+"', card) and re.search(r'<img [^>]*height="\d+"', card)
    # the first card is in view; the rest load lazily
    assert 'loading="lazy"' not in cards[0]
    assert all('loading="lazy"' in card for card in cards[1:])


def test_story_page_renders_hero_rendition_alt_text_open_graph_and_whatsapp(client, index):
    story = make_story(title="Samen koken", hero_caption="De keuken van Ons Huis")
    html = client.get(story.url).content.decode()
    assert "<h1>Samen koken</h1>" in html
    assert 'type="image/webp"' in html and ".webp 480w" in html
    assert f'alt="{story.hero_alt}"' in html
    assert '<meta property="og:title" content="Samen koken">' in html
    assert f'<meta property="og:url" content="http://testserver{story.url}">' in html
    assert re.search(
        r'<meta property="og:image" content="http://testserver/media/[^"]+fill-1200x630[^"]+\.jpg">', html
    )
    assert f'<meta property="og:description" content="{story.intro}">' in html
    assert 'href="https://wa.me/?text=Samen%20koken%20http%3A%2F%2Ftestserver%2Fverhalen%2F' in html


def test_body_blocks_render_images_lazily_quotes_and_video_as_plain_link(client, index):
    from .factories import ImageFactory

    image = ImageFactory()
    story = make_story(
        body=[
            ("paragraph", "<p>Begin.</p>"),
            ("image", {"image": image, "alt_text": "Buren aan tafel", "caption": "Zondag"}),
            ("quote", {"text": "Samen is leuker.", "attribution": "Henk"}),
            ("video", {"url": "https://video.example.org/wandelroute", "title": "De wandelroute"}),
        ]
    )
    html = client.get(story.url).content.decode()
    figure = html.split('<figure class="story__figure">', 1)[1].split("</figure>", 1)[0]
    assert 'alt="Buren aan tafel"' in figure and 'loading="lazy"' in figure and ".webp" in figure
    assert "<blockquote><p>Samen is leuker.</p></blockquote>" in html
    assert 'href="https://video.example.org/wandelroute"' in html
    assert "<iframe" not in html


def test_listing_filters_by_theme_and_edition(client, index):
    health = ThemeFactory(name="Gezondheid", slug="gezondheid")
    play = ThemeFactory(name="Samen spelen", slug="samen-spelen")
    first, second = EditionFactory(number=41), EditionFactory(number=42)
    make_story(title="Stoppen met roken", themes=[health], edition=first)
    make_story(title="Speelotheek", themes=[play], edition=first)
    make_story(title="Wandelroute", themes=[health], edition=second)

    html = client.get("/verhalen/?thema=gezondheid").content.decode()
    assert "Stoppen met roken" in html and "Wandelroute" in html and "Speelotheek" not in html

    html = client.get("/verhalen/?editie=41").content.decode()
    assert "Stoppen met roken" in html and "Speelotheek" in html and "Wandelroute" not in html
    assert 'href="/verhalen/editie/41/"' in html
    assert 'href="/verhalen/editie/42/"' in html  # every edition has its own listing

    html = client.get("/verhalen/?thema=gezondheid&editie=42").content.decode()
    assert len(_cards(html)) == 1 and "Wandelroute" in html


def test_unknown_filter_is_ignored_with_a_dutch_message(client, index):
    make_story(title="Een verhaal")
    for odd in ("²", "99999999999999999999", "-1"):
        assert client.get("/verhalen/", {"editie": odd}).status_code == 200
    html = html_of(client.get("/verhalen/?thema=bestaat-niet&editie=abc&pagina=999"))
    assert "Dit thema kennen we niet. U ziet alle verhalen." in html
    assert "Deze Rucreant kennen we niet." in html
    assert "Een verhaal" in html


def test_listing_is_paginated(client, index):
    for n in range(12):
        make_story(title=f"Verhaal nummer {n:02d}", days_ago=n + 1)
    first = client.get("/verhalen/").content.decode()
    second = client.get("/verhalen/?pagina=2").content.decode()
    assert len(_cards(first)) == 10 and len(_cards(second)) == 2
    assert "Verhaal nummer 00" in first and "Verhaal nummer 11" in second
    assert 'href="?pagina=2"' in first


def test_listing_query_count_does_not_grow_with_stories(client, index, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    theme = ThemeFactory()
    edition = EditionFactory()
    for _ in range(2):
        make_story(themes=[theme], edition=edition)
    client.get("/verhalen/")  # renditions are made on the first view
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as few:
        client.get("/verhalen/")
    baseline = len(few)
    for _ in range(8):
        make_story(themes=[theme], edition=edition)
    client.get("/verhalen/")
    connection.queries_log.clear()
    assert baseline > 0
    with django_assert_max_num_queries(baseline):
        response = client.get("/verhalen/")
    assert len(_cards(response.content.decode())) == 10


def test_edition_has_its_own_listing_with_pdf_and_cover(client, index):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from .factories import ImageFactory

    pdf = get_document_model().objects.create(
        title="Rucreant 41", file=ContentFile(b"%PDF-1.4", name="r41.pdf")
    )
    edition = EditionFactory(number=41, pdf=pdf, cover=ImageFactory(), cover_alt="Omslag nummer 41")
    make_story(title="In editie 41", edition=edition)
    make_story(title="Zonder editie")
    response = client.get("/verhalen/editie/41/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Rucreant 41</h1>" in html
    assert "In editie 41" in html and "Zonder editie" not in html
    assert f'href="{pdf.url}"' in html
    assert 'alt="Omslag nummer 41"' in html
    assert client.get("/verhalen/editie/999/").status_code == 404


def test_home_page_shows_the_newest_stories(client, index):
    for n in range(4):
        make_story(title=f"Thuisverhaal {n}", days_ago=10 - n)
    html = client.get("/").content.decode()
    assert "Nieuwe verhalen uit de wijk" in html
    assert "Thuisverhaal 3" in html and "Thuisverhaal 1" in html
    assert "Thuisverhaal 0" not in html


def test_home_page_queries_are_bounded(client, index, django_assert_max_num_queries):
    for _ in range(3):
        make_story()
    client.get("/")
    with django_assert_max_num_queries(12):
        client.get("/")


def test_draft_is_invisible_to_anonymous_and_other_residents(
    client, client_for, index, other_resident, resident
):
    make_story(title="Gepubliceerd verhaal")
    draft = make_story(title="Geheim concept", publish=False, submitted_by=resident)
    assert not StoryPage.objects.get(pk=draft.pk).live
    for visitor in (client, client_for(other_resident), client_for(resident)):
        assert visitor.get(f"/verhalen/{draft.slug}/").status_code == 404
        for url in ("/verhalen/", "/verhalen/feed/", "/"):
            assert "Geheim concept" not in visitor.get(url).content.decode()
    assert "Gepubliceerd verhaal" in client.get("/verhalen/").content.decode()


def test_draft_preview_in_admin_is_refused_to_residents(client_for, index, other_resident):
    draft = make_story(title="Geheim concept", publish=False)
    response = client_for(other_resident).get(f"/admin/pages/{draft.pk}/view_draft/")
    assert response.status_code in (302, 403)
    assert "Geheim concept" not in response.content.decode()


def test_public_stories_selector_only_returns_live_public_pages(index):
    from wagtail.models import PageViewRestriction

    from stories.selectors import public_stories

    live = make_story()
    make_story(publish=False)
    restricted = make_story()
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    assert list(public_stories()) == [live]


def test_story_pages_have_no_inline_script_or_style(client, client_for, resident, index):
    from .factories import EditionFactory as Editions

    story = make_story(edition=Editions(number=44))
    pages = [(client, "/verhalen/"), (client, story.url), (client, "/verhalen/editie/44/")]
    pages.append((client_for(resident), "/verhalen/insturen/"))
    for visitor, url in pages:
        html = visitor.get(url).content.decode()
        assert "<style" not in html and " style=" not in html, url
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, (url, tag)

import pytest

from tests.pages import html_of

pytestmark = pytest.mark.django_db

MAIN_LINKS = ["/agenda/", "/inloopspreekuren/", "/vraag-en-aanbod/", "/verhalen/", "/organisaties/"]


def test_home_is_dutch_with_main_navigation_and_search(client):
    html = html_of(client.get("/"))
    assert '<html lang="nl">' in html
    nav = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    for link in MAIN_LINKS:
        assert f'href="{link}"' in nav
    assert 'action="/zoeken/"' in html
    assert 'name="q"' in html
    assert 'href="#inhoud"' in html  # skip link


def test_unknown_url_gets_the_dutch_404_page(client):
    html = html_of(client.get("/bestaat-echt-niet/"), status=404)
    assert "Deze pagina bestaat niet (meer)" in html
    assert 'href="/inloopspreekuren/"' in html


def test_500_page_is_dutch_and_self_contained(rf):
    from home.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert "112" in response.content.decode()


def test_security_headers_on_every_page(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_public_pages_have_no_inline_script(client):
    import re

    for url in ["/", "/organisaties/", "/account/login/", "/account/signup/", "/privacy/"]:
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, (url, tag)


def test_admin_redirects_anonymous_visitor_to_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_dutch_even_for_an_english_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nl">' in response.content.decode()
    assert "Naar de inhoud" in response.content.decode()


def test_english_ships_too_when_chosen(client):
    chosen = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert chosen.status_code == 302
    response = client.get("/")
    assert '<html lang="en">' in response.content.decode()
    assert "Skip to content" in response.content.decode()


def test_manifest_and_service_worker_make_the_site_installable(client):
    manifest = client.get("/manifest.webmanifest")
    assert manifest["Content-Type"] == "application/manifest+json"
    data = manifest.json()
    assert data["lang"] == "nl" and data["start_url"] == "/" and data["icons"]
    worker = client.get("/sw.js")
    assert worker["Service-Worker-Allowed"] == "/"
    assert b"/offline/" in b"".join(worker.streaming_content)
    offline = client.get("/offline/")
    assert "U heeft nu geen internet" in offline.content.decode()
    assert 'rel="manifest"' in client.get("/").content.decode()


def test_manifest_has_png_and_maskable_icons_and_pages_an_apple_touch_icon(client):
    from django.contrib.staticfiles import finders
    from PIL import Image

    icons = client.get("/manifest.webmanifest").json()["icons"]
    pngs = {
        (icon["sizes"], icon.get("purpose", "any")): icon["src"]
        for icon in icons
        if icon["type"] == "image/png"
    }
    assert set(pngs) == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for (sizes, _), src in pngs.items():
        with Image.open(finders.find(src.removeprefix("/static/"))) as image:
            assert f"{image.width}x{image.height}" == sizes
    html = client.get("/").content.decode()
    assert 'rel="apple-touch-icon" href="/static/wijk/img/apple-touch-icon.png"' in html

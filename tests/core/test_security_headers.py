"""Security headers: Permissions-Policy everywhere, a CSP on the admin too, Clear-Site-Data on logout."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_page_switches_off_unused_browser_features(client):
    policy = client.get("/").headers["Permissions-Policy"]
    assert "geolocation=()" in policy and "camera=()" in policy and "microphone=()" in policy


def test_public_site_keeps_its_strict_policy(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "frame-ancestors 'none'" in policy


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/images/", "/django-admin/"])
def test_admin_pages_have_a_policy_and_still_render(client_for, editor, path):
    editor.is_superuser = True
    editor.save()
    response = client_for(editor).get(path)
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert "object-src 'none'" in policy and "form-action 'self'" in policy and "base-uri 'self'" in policy
    html = response.content.decode()
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert scripts, "the admin loads its scripts"
    assert all(src.startswith(("/static/", "/admin/jsi18n/")) for src in scripts), scripts
    assert "gravatar" not in html


def test_admin_editor_page_renders_under_the_policy(client_for, editor):
    from tests.stories.factories import story_index

    index = story_index()
    response = client_for(editor).get(f"/admin/pages/add/stories/storypage/{index.pk}/")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response.headers
    assert 'name="title"' in response.content.decode()


def test_logout_clears_the_site_data(client_for, resident):
    client = client_for(resident)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert "Clear-Site-Data" not in client.get("/").headers

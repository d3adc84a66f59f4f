"""The entrance pages (log in, sign up, forgotten password, login code) share one form include."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "button"),
    [
        ("/account/login/", "Inloggen"),
        ("/account/signup/", "Account maken"),
        ("/account/password/reset/", "Stuur mij de link"),
        ("/account/login/code/", "Stuur mij de code"),
    ],
)
def test_entrance_page_posts_its_form_to_itself_with_its_own_button(client, url, button):
    html = client.get(url).content.decode()
    assert f'<form method="post" action="{url}" class="form">' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'<button type="submit" class="button">{button}</button>' in html

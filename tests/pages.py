"""Reading the pages a test client gets."""

import re


def html_of(response, status: int = 200) -> str:
    """The page's HTML, after checking that it answered with `status`."""
    assert response.status_code == status
    return response.content.decode()


def text_of(response) -> str:
    """The page's text without tags, its white space folded to single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


# The informal "you" the site never uses: it says "u".
JE = re.compile(r"\b(?:je|jouw|jij|jou)\b", re.IGNORECASE)


def titles_of(html: str) -> tuple[str, str]:
    """The browser tab's title (without the site's name) and the page's h1, as text."""
    tab = re.search(r"<title>(.*?)</title>", html, re.S).group(1).split(" · ")[0].strip()
    heading = re.sub(r"<[^>]+>|\s+", " ", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).strip()
    return tab, heading

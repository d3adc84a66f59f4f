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


def tab_title_of(html: str) -> str:
    """The browser tab's title, its white space folded."""
    return " ".join(re.search(r"<title>(.*?)</title>", html, re.S).group(1).split())


def headings_of(html: str) -> list[str]:
    """The text of every h1 on the page."""
    return [
        " ".join(re.sub(r"<[^>]+>", " ", h).split()) for h in re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    ]


def titles_of(html: str) -> tuple[str, str]:
    """The browser tab's title (without the site's name) and the page's one h1, as text."""
    headings = headings_of(html)
    assert len(headings) == 1, headings
    return tab_title_of(html).split(" · ")[0], headings[0]

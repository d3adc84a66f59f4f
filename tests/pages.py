"""Reading the pages a test client gets."""


def html_of(response, status: int = 200) -> str:
    """The page's HTML, after checking that it answered with `status`."""
    assert response.status_code == status
    return response.content.decode()

"""Links in mails that act with one button: mail scanners open them first (HEAD and GET)."""


def press_after_mail_scanners(client, url: str, *, button: str, read):
    """Open the link as a mail scanner would, then press its one button (a POST).

    Opening changes nothing: `read()` gives the same before and after it. The page holds a form with the
    button. Returns what `read()` gave before opening and after pressing.
    """
    before = read()
    assert client.head(url).status_code == 200
    page = client.get(url)
    assert read() == before
    body = page.content.decode()
    assert 'method="post"' in body and button in body
    assert client.post(url).status_code == 200
    return before, read()

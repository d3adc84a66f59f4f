"""Live-notice steps for browser tests: a notice posted elsewhere reaches a page that polls."""

from concurrent.futures import ThreadPoolExecutor

from django.db import connection

from accounts.models import User
from notices.models import PreventionGroup
from notices.services import post_notice


def coordinator_posts(page, *, level: str, text: str, street: str) -> None:
    """The coordinator of Ruwaard-Noord posts a notice, and the page's (installed) clock moves past one poll.

    The notice is posted outside the browser's event loop, as another request would.
    """

    def post():
        post_notice(
            group=PreventionGroup.objects.get(slug="ruwaard-noord"),
            author=User.objects.get(email="coordinator@example.org"),
            level=level,
            text=text,
            street=street,
        )
        connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(post).result()
    page.clock.fast_forward(16_000)  # a little over the page's polling interval of 15 s

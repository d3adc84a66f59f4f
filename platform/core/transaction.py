"""Side effects (mail, push, live messages, index updates) go out only after the writing commit.

Zulip's ``send_event_on_commit`` is the model: a service changes state inside its transaction and
hands what must happen afterwards to :func:`after_commit`. If the transaction rolls back, nothing is
sent; outside a transaction the function runs at once.
"""

from collections.abc import Callable
from functools import partial

from django.db import transaction


def after_commit(func: Callable, /, *args, using: str | None = None, **kwargs) -> None:
    transaction.on_commit(partial(func, *args, **kwargs), using=using)

"""What happens to a person's posts when they delete their account.

Each app registers, in its AppConfig.ready(), how it clears the person's posts (accounts never imports
them). A cleanup gets the account, the anonymous "oud-lid" account that takes over what others still need
(the person's messages in someone else's conversation), and the person's choice for stories and activities;
it returns the addresses (URLs) of what it removed. Then every registered forgetter drops what still points
at those addresses (other people's notifications).
"""

from collections.abc import Callable, Iterable

_cleanups: dict[str, Callable[..., Iterable[str]]] = {}
_forgetters: dict[str, Callable[[list[str]], None]] = {}


def register_cleanup(key: str, cleanup: Callable[..., Iterable[str]]) -> None:
    """`cleanup(*, user, former, keep_posts) -> removed URLs`, run before the account itself goes."""
    _cleanups[key] = cleanup


def register_forgetter(key: str, forget: Callable[[list[str]], None]) -> None:
    """`forget(urls)`, run after the account went, with the URLs of everything the cleanups removed."""
    _forgetters[key] = forget


def run_cleanups(*, user, former, keep_posts: bool) -> list[str]:
    removed: list[str] = []
    for key in sorted(_cleanups):
        removed.extend(_cleanups[key](user=user, former=former, keep_posts=keep_posts))
    return removed


def forget(urls: list[str]) -> None:
    if not urls:
        return
    for key in sorted(_forgetters):
        _forgetters[key](urls)

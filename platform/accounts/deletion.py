"""What happens to a person's posts when they delete their account.

Each app that keeps posts of a person clears them in ``services.clear_posts_of_deleted_account``;
accounts finds these through ``core.registry`` and never imports the apps. A cleanup gets the account,
the anonymous "oud-lid" account that takes over what others still need (the person's messages in
someone else's conversation), and the person's choice for stories and activities; it returns the
addresses (URLs) of what it removed. Then every app's ``services.forget_links`` drops what still points
at those addresses (other people's notifications).
"""

from core.registry import offered


def run_cleanups(*, user, former, keep_posts: bool) -> list[str]:
    """Run every `cleanup(*, user, former, keep_posts) -> removed URLs` before the account itself goes."""
    removed: list[str] = []
    for cleanup in offered("services", "clear_posts_of_deleted_account"):
        removed.extend(cleanup(user=user, former=former, keep_posts=keep_posts))
    return removed


def forget(urls: list[str]) -> None:
    """Run every `forget(urls)` after the account went, with the URLs of everything the cleanups removed."""
    if not urls:
        return
    for forget_urls in offered("services", "forget_links"):
        forget_urls(urls)

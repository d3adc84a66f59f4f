"""The prevention-group section of /mijn/: memberships and the summary of personal notifications."""

import notifications.selectors

from .selectors import memberships_of


def mine_context(*, user) -> dict:
    return {
        "memberships": list(memberships_of(user=user)),
        "summary": notifications.selectors.summary(user=user),
    }

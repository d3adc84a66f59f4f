"""The embedded channel layer: Channels' in-memory layer with a cheaper sweep of expired messages.

Channels' InMemoryChannelLayer walks every channel and every group membership on each `receive` and
`group_send`. With one connection per member that makes a fan-out to N members cost N x N steps
(about half a second for 500 members). Messages expire after a minute, so sweeping at most once a
second changes nothing that matters and keeps the fan-out linear.
"""

import time

from channels.layers import InMemoryChannelLayer as ChannelsInMemoryChannelLayer


class InMemoryChannelLayer(ChannelsInMemoryChannelLayer):
    sweep_interval = 1.0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._last_sweep = 0.0

    def _clean_expired(self):
        now = time.monotonic()
        if now - self._last_sweep < self.sweep_interval:
            return
        self._last_sweep = now
        super()._clean_expired()

"""Web Push: VAPID keys (RFC 8292) and the push services the server may post to.

`manage.py vapid_keys` makes a key pair. Without VAPID_* in the environment the keys come from the file
that `make run` writes on first start (VAPID_KEY_FILE), so push works on the embedded default too.
"""

from .env import env_list, env_str

VAPID_PUBLIC_KEY = env_str("VAPID_PUBLIC_KEY", "")
VAPID_PRIVATE_KEY = env_str("VAPID_PRIVATE_KEY", "")
VAPID_SUBJECT = env_str("VAPID_SUBJECT", "mailto:noreply@wijkderuwaard.nl")

# The server posts only to these hosts (a leading "*." allows subdomains), over https. A loopback host
# (127.0.0.1, localhost, ::1) is reached over http only when it is on this list by name.
PUSH_ENDPOINT_HOSTS = env_list(
    "PUSH_ENDPOINT_HOSTS",
    [
        "fcm.googleapis.com",
        "updates.push.services.mozilla.com",
        "push.services.mozilla.com",
        "web.push.apple.com",
        "*.push.apple.com",
        "*.notify.windows.com",
    ],
)

# No non-urgent push between these hours (local time, "22-7"); urgent notices always go.
PUSH_QUIET_HOURS = env_str("PUSH_QUIET_HOURS", "22-7")
# Parallel posts to the push services per delivery.
PUSH_WORKERS = int(env_str("PUSH_WORKERS", "16"))

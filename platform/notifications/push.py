"""Web Push delivery (RFC 8030) with VAPID (RFC 8292) and message encryption (RFC 8291), by pywebpush.

The server only ever posts to the push services on ``PUSH_ENDPOINT_HOSTS``: an endpoint is checked when a
device subscribes and again before each post.
"""

import base64
import ipaddress
import json
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

import requests
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from django.utils.translation import gettext as _
from py_vapid import Vapid02
from pywebpush import WebPusher

logger = logging.getLogger(__name__)

LOOPBACK_NAMES = {"localhost"}
TTL = 60 * 60 * 12  # a phone that is off gets the message when it comes back within 12 hours
TIMEOUT = 10


@dataclass(frozen=True)
class Keys:
    public: str
    private: str
    subject: str


def vapid_keys() -> Keys | None:
    """The VAPID key pair from the environment, else from the file `make run` wrote; None if neither."""
    public, private = settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY
    if not (public and private):
        try:
            stored = json.loads(settings.VAPID_KEY_FILE.read_text())
            public, private = stored["VAPID_PUBLIC_KEY"], stored["VAPID_PRIVATE_KEY"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
    return Keys(public=public, private=private, subject=settings.VAPID_SUBJECT)


def generate_keys() -> dict[str, str]:
    """A fresh P-256 key pair as base64url: the raw public point and the raw private number."""
    vapid = Vapid02()
    vapid.generate_keys()
    private = vapid.private_key.private_numbers().private_value.to_bytes(32, "big")
    public = vapid.public_key.public_bytes(encoding=Encoding.X962, format=PublicFormat.UncompressedPoint)
    return {"VAPID_PUBLIC_KEY": _b64(public), "VAPID_PRIVATE_KEY": _b64(private)}


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


# Which endpoints ------------------------------------------------------------------------------------


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _host_listed(host: str, allowed: list[str]) -> bool:
    for entry in allowed:
        entry = entry.lower().strip().strip("[]")
        if entry.startswith("*.") and host.endswith(entry[1:]) and host != entry[2:]:
            return True
        if host == entry:
            return True
    return False


def endpoint_problem(endpoint: str) -> str | None:
    """Why the server will not post to `endpoint` (a Dutch sentence), or None when it may."""
    try:
        parts = urlsplit(endpoint)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        return _("Dit is geen geldig adres van een pushdienst.")
    if not host or parts.username or parts.password or len(endpoint) > 1000:
        return _("Dit is geen geldig adres van een pushdienst.")
    if not _host_listed(host, settings.PUSH_ENDPOINT_HOSTS):
        return _("Deze pushdienst kennen we niet. Meldingen op dit apparaat kunnen daarom niet aan.")
    if parts.scheme == "https":
        return None
    if parts.scheme == "http" and _is_loopback(host):
        return None
    return _("De pushdienst moet een beveiligde verbinding (https) gebruiken.")


def keys_problem(*, p256dh: str, auth: str) -> str | None:
    """The browser's keys must be a P-256 point (65 bytes) and a 16-byte secret."""
    try:
        point, secret = _unb64(p256dh), _unb64(auth)
    except (ValueError, TypeError):
        return _("De sleutels van dit apparaat kloppen niet.")
    if len(point) != 65 or point[0] != 4 or len(secret) != 16:
        return _("De sleutels van dit apparaat kloppen niet.")
    return None


# Sending --------------------------------------------------------------------------------------------


@cache
def _vapid(private: str) -> Vapid02:
    return Vapid02.from_raw(private.encode())


_signed: dict[tuple[str, str], tuple[int, dict]] = {}
_signed_lock = threading.Lock()


def _vapid_headers(*, keys: Keys, endpoint: str) -> dict:
    """The VAPID Authorization header for the endpoint's origin, signed once per origin and 12 hours."""
    parts = urlsplit(endpoint)
    audience = f"{parts.scheme}://{parts.netloc}"
    now = int(time.time())
    with _signed_lock:
        hit = _signed.get((keys.private, audience))
        if hit and hit[0] > now + 600:
            return dict(hit[1])
        expires = now + 12 * 60 * 60
        headers = _vapid(keys.private).sign({"aud": audience, "exp": expires, "sub": keys.subject})
        _signed[(keys.private, audience)] = (expires, headers)
        return dict(headers)


_local = threading.local()


def _session() -> requests.Session:
    if not hasattr(_local, "session"):
        _local.session = requests.Session()
        _local.session.trust_env = False  # never through a proxy from the environment
    return _local.session


@dataclass(frozen=True)
class Outcome:
    subscription_id: int
    status: int  # 0 when the post did not happen (refused endpoint or network error)

    @property
    def gone(self) -> bool:
        return self.status in (404, 410)

    @property
    def delivered(self) -> bool:
        return 200 <= self.status < 300


def _send_one(*, keys: Keys, subscription_id: int, info: dict, payload: bytes, urgency: str) -> Outcome:
    endpoint = info["endpoint"]
    if endpoint_problem(endpoint):
        logger.warning("push endpoint refused: %s", urlsplit(endpoint).hostname)
        return Outcome(subscription_id, 0)
    headers = _vapid_headers(keys=keys, endpoint=endpoint)
    headers["Urgency"] = urgency
    try:
        response = WebPusher(info, requests_session=_session()).send(
            payload, headers, ttl=TTL, content_encoding="aes128gcm", timeout=TIMEOUT
        )
    except (requests.RequestException, ValueError) as error:
        logger.warning("push to %s failed: %s", urlsplit(endpoint).hostname, error)
        return Outcome(subscription_id, 0)
    return Outcome(subscription_id, response.status_code)


def send_many(*, messages: list[tuple[int, dict, dict]], urgent: bool) -> list[Outcome]:
    """Post each (subscription id, subscription info, payload) in parallel; returns what each push service said."""
    keys = vapid_keys()
    if keys is None or not messages:
        return []
    urgency = "high" if urgent else "normal"
    jobs = [(sid, info, json.dumps(payload).encode()) for sid, info, payload in messages]
    workers = max(1, min(settings.PUSH_WORKERS, len(jobs)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(
            pool.map(
                lambda job: _send_one(
                    keys=keys, subscription_id=job[0], info=job[1], payload=job[2], urgency=urgency
                ),
                jobs,
            )
        )

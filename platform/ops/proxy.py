"""The client's address: from the proxy's X-Forwarded-For only when the request comes from a trusted proxy.

Rate limits, allauth's login throttle and the logs read REMOTE_ADDR. A visitor who sends an
X-Forwarded-For of their own straight to the server must not be able to pick the address they are counted
under, so the header is read only when the peer is one of TRUSTED_PROXIES (addresses or networks), and it
is removed from the request either way: nothing further down can read the client's own copy.
"""

import ipaddress
import logging
from functools import lru_cache

from django.conf import settings

logger = logging.getLogger("ops")

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP")


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple:
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            logger.warning("TRUSTED_PROXIES: %r is not an address or network; ignored", entry)
    return tuple(networks)


def _address(value: str):
    try:
        return ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return address is not None and any(address in network for network in networks)


def client_address(meta: dict, trusted: tuple[str, ...]) -> str:
    """REMOTE_ADDR, or the nearest untrusted hop of X-Forwarded-For when REMOTE_ADDR is a trusted proxy."""
    remote = meta.get("REMOTE_ADDR", "")
    networks = _networks(tuple(trusted))
    if not _trusted(_address(remote), networks):
        return remote
    hops = [hop.strip() for hop in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if not hops and meta.get("HTTP_X_REAL_IP"):
        hops = [meta["HTTP_X_REAL_IP"].strip()]
    # Walk from the nearest hop outwards: each trusted proxy vouches for the hop before it; the first
    # address that is not a trusted proxy is the client. Anything further left was sent by the client.
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            return remote
        if not _trusted(address, networks):
            return str(address)
    return str(_address(hops[0])) if hops else remote


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        meta["REMOTE_ADDR"] = client_address(meta, tuple(getattr(settings, "TRUSTED_PROXIES", ())))
        for header in FORWARDED_HEADERS:
            meta.pop(header, None)
        return self.get_response(request)

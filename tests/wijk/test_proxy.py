"""The client's address comes from X-Forwarded-For only when a trusted proxy sent the request."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django_ratelimit.core import get_usage

from ops.proxy import TrustedProxyMiddleware, client_address

PROXY = "10.0.0.5"


def _seen(**meta) -> dict:
    seen = {}

    def view(request):
        seen.update(request.META)
        return HttpResponse("ok")

    request = RequestFactory().get("/", **meta)
    TrustedProxyMiddleware(view)(request)
    return seen


@override_settings(TRUSTED_PROXIES=[PROXY])
def test_a_client_set_forwarded_for_from_a_non_proxy_does_not_change_the_address():
    seen = _seen(
        REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.1", HTTP_X_REAL_IP="198.51.100.1"
    )
    assert seen["REMOTE_ADDR"] == "203.0.113.9"
    assert "HTTP_X_FORWARDED_FOR" not in seen  # nothing further down can read the client's own copy
    assert "HTTP_X_REAL_IP" not in seen


@override_settings(TRUSTED_PROXIES=["10.0.0.0/24"])
def test_the_trusted_proxy_names_the_client_and_a_spoofed_hop_before_it_is_ignored():
    # The client sent "X-Forwarded-For: 198.51.100.1"; nginx appended the address it saw.
    seen = _seen(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.9")
    assert seen["REMOTE_ADDR"] == "203.0.113.9"
    assert client_address({"REMOTE_ADDR": PROXY, "HTTP_X_REAL_IP": "203.0.113.7"}, ("10.0.0.0/24",)) == (
        "203.0.113.7"
    )
    assert client_address({"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "not-an-ip"}, (PROXY,)) == PROXY


@override_settings(TRUSTED_PROXIES=[])
def test_without_trusted_proxies_the_header_is_never_believed():
    seen = _seen(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert seen["REMOTE_ADDR"] == "127.0.0.1"


@pytest.mark.parametrize("spoofed", ["198.51.100.1", "198.51.100.2", "1.2.3.4, 5.6.7.8"])
@override_settings(
    TRUSTED_PROXIES=[PROXY],
    RATELIMIT_ENABLE=True,
    RATELIMIT_USE_CACHE="default",
    CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "proxy"}},
)
def test_a_spoofed_header_does_not_give_a_fresh_rate_limit(spoofed):
    """Every request of one client counts against one key, whatever X-Forwarded-For it sends."""
    from django.core.cache import cache

    cache.clear()
    requests = []

    def view(request):
        requests.append(request)
        return HttpResponse("ok")

    middleware = TrustedProxyMiddleware(view)
    factory = RequestFactory()
    middleware(factory.post("/", REMOTE_ADDR="203.0.113.9"))
    middleware(factory.post("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=spoofed))
    usages = [
        get_usage(request, group="proxy-test", key="ip", rate="5/m", method="POST", increment=True)
        for request in requests
    ]
    assert [usage["count"] for usage in usages] == [1, 2]
    assert usages[0]["time_left"] >= 0


def test_the_middleware_runs_first():
    from django.conf import settings

    assert settings.MIDDLEWARE[0] == "ops.proxy.TrustedProxyMiddleware"

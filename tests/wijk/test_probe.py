"""The container health probe asks with the site's host name and as if through the TLS proxy."""

import http.server
import threading

from ops import probe

from . import live


def test_the_probe_asks_the_health_view_with_the_sites_host(monkeypatch):
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append((self.path, self.headers["Host"], self.headers["X-Forwarded-Proto"]))
            self.send_response(200 if self.path == "/health/ready/" else 503)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        monkeypatch.setenv("PORT", str(server.server_address[1]))
        monkeypatch.setenv("ALLOWED_HOSTS", "wijkderuwaard.nl,www.wijkderuwaard.nl")
        assert probe.main(["probe", "ready"]) == 0
        assert probe.main(["probe"]) == 1  # the liveness answer here is a 503
    finally:
        server.shutdown()
    assert seen == [
        ("/health/ready/", "wijkderuwaard.nl", "https"),
        ("/health/", "wijkderuwaard.nl", "https"),
    ]


def test_the_probe_fails_when_nothing_answers(monkeypatch):
    monkeypatch.setenv("PORT", str(live.free_port()))
    assert probe.main(["probe"]) == 1

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@pytest.fixture
def feed_server():
    """An iCal feed on this machine: set its `body` (and an `etag` to answer conditional GETs, or a `status`);
    `requests` holds the headers of every request it received."""
    state = {"body": b"", "etag": None, "requests": [], "status": 200}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            state["requests"].append(dict(self.headers))
            if state["etag"] and self.headers.get("If-None-Match") == state["etag"]:
                self.send_response(304)
                self.end_headers()
                return
            if state["status"] != 200:
                self.send_error(state["status"])
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            if state["etag"]:
                self.send_header("ETag", state["etag"])
            self.end_headers()
            self.wfile.write(state["body"])

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    state["url"] = f"http://127.0.0.1:{httpd.server_address[1]}/agenda.ics"
    yield state
    httpd.shutdown()
    httpd.server_close()

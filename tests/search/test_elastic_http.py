"""The Elasticsearch backend's HTTP requests, against a small recording stub instead of a cluster."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from search.backends.elastic import ElasticsearchBackend, alias_name

from .factories import SearchDocumentFactory, elastic_answer


class Recorder(BaseHTTPRequestHandler):
    requests: list = []
    aliases: dict = {}

    def log_message(self, *args):
        pass

    def _answer(self, status=200, body=None):
        payload = json.dumps(body if body is not None else {"acknowledged": True}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode() if length else ""
        self.requests.append((self.command, self.path.split("?")[0], raw))
        path = self.path.split("?")[0]
        if path.endswith("/_search"):
            koffiehuis = {
                "key": "organisations.organisation:1",
                "doc_type": "organisation",
                "title": "Koffiehuis",
                "url": "/organisaties/koffiehuis/",
            }
            types = {"buckets": [{"key": "organisation", "doc_count": 1}]}
            return self._answer(body=elastic_answer(koffiehuis, score=1.0, aggregations={"types": types}))
        if path == "/_bulk":
            items = [{"index": {"status": 201}} for line in raw.splitlines()[::2]]
            return self._answer(body={"errors": False, "items": items})
        if path.startswith("/_alias/"):
            return self._answer(body=self.aliases) if self.aliases else self._answer(404, {"status": 404})
        return self._answer()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle


@pytest.fixture
def stub(settings):
    Recorder.requests = []
    Recorder.aliases = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{server.server_address[1]}"
    yield Recorder
    server.shutdown()
    server.server_close()


@pytest.mark.django_db  # the query plan reads the vocabulary for typos
def test_search_sends_the_query_body_to_the_alias(stub):
    results = ElasticsearchBackend().search(query="koffie", user=None, types=["organisation"])
    method, path, raw = stub.requests[-1]
    body = json.loads(raw)
    assert (method, path) == ("POST", f"/{alias_name()}/_search")
    assert body["post_filter"] == {"terms": {"doc_type": ["organisation"]}}
    assert "koffieochtend" in json.dumps(body["query"]["bool"]["should"][1])  # a synonym from the shared file
    assert [hit.title for hit in results.hits] == ["Koffiehuis"]
    assert results.type_counts == {"organisation": 1}


def test_rebuild_creates_fills_and_swaps(stub):
    stub.aliases = {f"{alias_name()}-old": {"aliases": {alias_name(): {}}}}
    count = ElasticsearchBackend().rebuild(SearchDocumentFactory.build_batch(2))
    steps = [(method, path) for method, path, _ in stub.requests]
    created = next(path for method, path in steps if method == "PUT" and path.startswith(f"/{alias_name()}-"))
    assert count == 2
    assert steps.index(("PUT", created)) < steps.index(("PUT", "/_bulk")) < steps.index(("POST", "/_aliases"))
    create_body = json.loads(next(raw for m, p, raw in stub.requests if (m, p) == ("PUT", created)))
    assert "dutch_synonyms" in create_body["settings"]["analysis"]["filter"]
    swap = json.loads(next(raw for m, p, raw in stub.requests if p == "/_aliases"))
    assert swap["actions"][0] == {"remove": {"index": f"{alias_name()}-old", "alias": alias_name()}}
    assert ("DELETE", f"/{alias_name()}-old") in steps


def test_index_and_remove_go_through_the_alias(stub):
    stub.aliases = {f"{alias_name()}-1": {}}
    backend = ElasticsearchBackend()
    backend.index(SearchDocumentFactory.build(key="organisations.organisation:3"))
    backend.remove("organisations.organisation:3")
    steps = [(method, path) for method, path, _ in stub.requests]
    assert ("PUT", f"/{alias_name()}/_doc/organisations.organisation%3A3") in steps
    assert ("DELETE", f"/{alias_name()}/_doc/organisations.organisation%3A3") in steps

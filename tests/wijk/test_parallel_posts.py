"""20 residents post at the same moment on the embedded default (a SQLite file, the database task queue).

Two daphne processes and the worker run against one SQLite file, as `make run` does; 20 threads post a
listing each, released together. None may get a 500 ("database is locked"), all 20 listings are stored,
and once the worker has run the index tasks, search finds every one of them.
"""

import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tests.factories import UserFactory
from tests.marketplace.factories import ListingFactory

from . import live

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded default is SQLite")

# One distinct, ordinary Dutch word per post, so that each is found by a search of its own.
WORDS = [
    "eekhoorn", "merel", "egel", "vlinder", "kastanje", "tulp", "paraplu", "fietspomp", "grasmaaier",
    "boekenkast", "wasmachine", "schuurdeur", "kapstok", "regenton", "tuinbank", "vogelhuis", "dakgoot",
    "zonnescherm", "brievenbus", "kruiwagen",
]  # fmt: skip
DRAIN_TIMEOUT = 120  # seconds for the worker to run the queued index tasks on a busy machine


def _queue_counts(path) -> dict:
    with sqlite3.connect(path) as db:
        return dict(
            db.execute("SELECT status, COUNT(*) FROM django_tasks_database_dbtaskresult GROUP BY status")
        )


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_listing_posts_are_stored_and_found(tmp_path, collected_static):
    posters = []
    for number in range(len(WORDS)):
        user = UserFactory(email=f"buur{number}@example.org")
        ListingFactory(owner=user, title=f"Eerder bericht {number}")  # a known poster: no moderation
        posters.append(user)
    sessions = [live.session_for(user) for user in posters]
    database = tmp_path / "db.sqlite3"
    live.copy_test_database(connection, database)

    env = live.server_env(SQLITE_PATH=str(database), STATIC_ROOT=str(collected_static))
    ports = [live.free_port(), live.free_port()]
    processes = [live.daphne(f"web{i}", port, env) for i, port in enumerate(ports)] + [live.worker(env)]
    with live.running(processes, tmp_path):
        for process, port in zip(processes, ports, strict=False):
            live.wait_for(f"http://127.0.0.1:{port}/health/", process)

        start = threading.Barrier(len(WORDS))

        def post(number: int) -> live.Response:
            url = f"http://127.0.0.1:{ports[number % 2]}/vraag-en-aanbod/nieuw/"
            data = {
                "kind": "vraag",
                "category": "klussen",
                "title": f"Wie helpt met de {WORDS[number]}?",
                "text": "Het liefst deze week.",
                "when": "altijd",
                "area": "heel",
            }
            start.wait()
            return live.request("POST", url, session=sessions[number], data=data)

        with ThreadPoolExecutor(max_workers=len(WORDS)) as pool:
            responses = list(pool.map(post, range(len(WORDS))))

        errors = [(r.status, r.body[-500:]) for r in responses if r.status != 302]
        assert not errors, errors
        assert all("/vraag-en-aanbod/" in r.headers["Location"] for r in responses)
        with sqlite3.connect(database) as db:
            titles = {
                row[0] for row in db.execute("SELECT title FROM marketplace_listing WHERE is_pending = 0")
            }
        assert {f"Wie helpt met de {word}?" for word in WORDS} <= titles

        deadline = time.monotonic() + DRAIN_TIMEOUT
        while set(_queue_counts(database)) - {"SUCCESSFUL"} and time.monotonic() < deadline:
            time.sleep(0.5)
        counts = _queue_counts(database)
        assert set(counts) == {"SUCCESSFUL"}, (counts, processes[-1].output()[-3000:])

        missing = []
        for number, word in enumerate(WORDS):
            page = live.request("GET", f"http://127.0.0.1:{ports[number % 2]}/zoeken/?q={word}")
            assert page.status == 200, processes[number % 2].output()[-3000:]
            if f"Wie helpt met de {word}?" not in page.body:
                missing.append(word)
        assert not missing, missing
    logs = "".join(process.output() for process in processes)
    assert "database is locked" not in logs

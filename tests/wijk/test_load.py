"""`make load`: requests per second and p50/p95/p99 latency of the main pages.

Production settings (DEBUG off, WhiteNoise, manifest static files), the demo content in a fresh SQLite file,
two daphne processes and the worker, all on loopback. The client spreads its requests over both processes
(as nginx does) from CONCURRENCY threads with keep-alive connections; each page gets REQUESTS requests after
a short warm-up, so a run is bounded. Every answer must be a 200; the figures are printed, not judged.
"""

import http.client
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from . import live

pytestmark = pytest.mark.load

PAGES = [
    "/",
    "/agenda/",
    "/verhalen/",
    "/vraag-en-aanbod/",
    "/inloopspreekuren/",
    "/organisaties/",
    "/zoeken/?q=koffie",
]
CONCURRENCY = int(os.environ.get("LOAD_CONCURRENCY", "8"))
REQUESTS = int(os.environ.get("LOAD_REQUESTS", "200"))
WARMUP = 10


def machine() -> str:
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            model = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
        with open("/proc/meminfo") as info:
            memory = int(next(line.split()[1] for line in info if line.startswith("MemTotal"))) / 1024**2
    except (OSError, StopIteration):
        memory = 0
    return f"{os.cpu_count()} cores ({model}), {memory:.0f} GiB, Python {platform.python_version()}"


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Client:
    """One keep-alive connection per thread and port."""

    def __init__(self, ports: list[int]):
        self.ports = ports
        self.local = threading.local()

    def get(self, number: int, path: str) -> tuple[int, float]:
        port = self.ports[number % len(self.ports)]
        connections = self.local.__dict__.setdefault("connections", {})
        if port not in connections:
            connections[port] = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection = connections[port]
        start = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
        except (http.client.HTTPException, OSError):
            connection.close()
            del connections[port]
            raise
        return response.status, (time.perf_counter() - start) * 1000


def _manage(*args, env) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=live.ROOT, env=env, check=True, timeout=900)  # noqa: S603


def test_load_of_the_main_pages(tmp_path, collected_static):
    env = live.server_env(
        DJANGO_SETTINGS_MODULE="wijk.settings.production",
        SECRET_KEY="load-test-" + "q8#Vw2!zP9@wL4$rT6^yN1&uJ3*oM5(eB7)cX0_hG2+fD8=s",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SQLITE_PATH=str(tmp_path / "db.sqlite3"),
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(collected_static),
        LOG_LEVEL="WARNING",
    )
    for name in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"):
        env.pop(name, None)
    _manage("migrate", "--noinput", "-v0", env=env)
    _manage("load_demo", env={**env, "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"})

    ports = [live.free_port(), live.free_port()]
    processes = [live.daphne(f"web{i}", port, env) for i, port in enumerate(ports)] + [live.worker(env)]
    client = Client(ports)
    results = {}
    with live.running(processes, tmp_path), ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        for process, port in zip(processes, ports, strict=False):
            live.wait_for(f"http://127.0.0.1:{port}/health/", process)
        for path in PAGES:
            list(pool.map(lambda n, path=path: client.get(n, path), range(WARMUP)))
            start = time.perf_counter()
            answers = list(pool.map(lambda n, path=path: client.get(n, path), range(REQUESTS)))
            elapsed = time.perf_counter() - start
            results[path] = (answers, elapsed)

    lines = [
        "",
        f"make load: {machine()}",
        f"2 daphne processes + worker, production settings, SQLite, {CONCURRENCY} concurrent clients,"
        f" {REQUESTS} requests a page",
        f"{'page':<22}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}",
    ]
    for path, (answers, elapsed) in results.items():
        timings = [ms for _, ms in answers]
        lines.append(
            f"{path:<22}{len(answers) / elapsed:>8.1f}{statistics.median(timings):>9.0f}"
            f"{percentile(timings, 0.95):>9.0f}{percentile(timings, 0.99):>9.0f}"
        )
    print("\n".join(lines))
    for path, (answers, _) in results.items():
        statuses = {status for status, _ in answers}
        assert statuses == {200}, (path, statuses)
    assert "Traceback" not in "".join(process.output() for process in processes)

"""Real processes for the tests that need them: daphne and the worker on loopback, and plain HTTP to them."""

import contextlib
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CSRF_TOKEN = "WijkDeRuwaardLiveTestCsrfToken32"  # 32 characters: Django accepts it unmasked
START_TIMEOUT = 90  # seconds; a busy 2-core machine starts daphne slowly

# Variables of the test process that must not leak into a server started from it.
_TEST_ONLY = {
    "DJANGO_SETTINGS_MODULE",
    "PYTEST_XDIST_WORKER",
    "PYTEST_XDIST_WORKER_COUNT",
    "PYTEST_CURRENT_TEST",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(**extra: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in _TEST_ONLY}
    env.update(
        DJANGO_SETTINGS_MODULE="wijk.settings.base",
        PYTHONDONTWRITEBYTECODE="1",
        LOG_FORMAT="plain",
    )
    env.update(extra)
    return env


def copy_test_database(connection, path: Path) -> None:
    """Write the (migrated, committed) SQLite test database to a file the servers can open."""
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA journal_mode=WAL")


@dataclass
class Process:
    name: str
    args: list[str]
    env: dict
    cwd: Path = ROOT
    log: Path | None = None
    popen: subprocess.Popen | None = field(default=None, repr=False)

    def start(self, log_dir: Path) -> "Process":
        self.log = log_dir / f"{self.name}.log"
        with open(self.log, "wb") as out:
            self.popen = subprocess.Popen(  # noqa: S603 - our own commands
                self.args, cwd=self.cwd, env=self.env, stdout=out, stderr=subprocess.STDOUT
            )
        return self

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log and self.log.exists() else ""

    def stop(self) -> None:
        if self.popen and self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()


@contextlib.contextmanager
def running(processes: list[Process], log_dir: Path):
    try:
        for process in processes:
            process.start(log_dir)
        yield processes
    finally:
        for process in processes:
            process.stop()


def daphne(name: str, port: int, env: dict, *, binary: Path = BIN / "daphne", cwd: Path = ROOT) -> Process:
    return Process(name, [str(binary), "-b", "127.0.0.1", "-p", str(port), "wijk.asgi:application"], env, cwd)


def worker(env: dict, *, python: Path = Path(sys.executable)) -> Process:
    return Process("worker", [str(python), "manage.py", "db_worker", "--interval", "0.2"], env)


def wait_for(url: str, process: Process, timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.popen.poll() is not None:
            raise AssertionError(f"{process.name} stopped:\n{process.output()[-4000:]}")
        with contextlib.suppress(OSError):
            if request("GET", url).status == 200:
                return
        time.sleep(0.3)
    raise AssertionError(f"{process.name} did not answer {url}:\n{process.output()[-4000:]}")


@dataclass
class Response:
    status: int
    body: str
    headers: dict


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def request(
    method: str, url: str, *, session: str = "", data: dict | None = None, headers: dict | None = None
) -> Response:
    """One request without following redirects; a session cookie and a CSRF token when posting."""
    cookies = [f"csrftoken={CSRF_TOKEN}"]
    if session:
        cookies.append(f"sessionid={session}")
    body = None
    if data is not None:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": CSRF_TOKEN}).encode()
    req = urllib.request.Request(url, data=body, method=method)  # noqa: S310 - loopback only
    req.add_header("Cookie", "; ".join(cookies))
    for name, value in (headers or {}).items():
        req.add_header(name, value)
    try:
        with _opener.open(req, timeout=60) as response:
            return Response(response.status, response.read().decode(errors="replace"), dict(response.headers))
    except urllib.error.HTTPError as error:
        return Response(error.code, error.read().decode(errors="replace"), dict(error.headers))


def session_for(user) -> str:
    """A logged-in session key for ``user``, stored where the servers read sessions (the database)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value

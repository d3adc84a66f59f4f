"""The reconnect back-off of live.js, run with node: jitter, and growth after a connection that was open."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

LIVE_JS = Path(__file__).resolve().parents[2] / "platform/notices/static/notices/live.js"

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")


def _backoff_source() -> str:
    text = LIVE_JS.read_text()
    start, end = text.index("// back-off:start"), text.index("// back-off:end")
    return text[start:end]


def _run(tmp_path, body: str):
    module = tmp_path / "backoff.mjs"
    module.write_text(_backoff_source() + "\n" + body)
    out = subprocess.run(["node", str(module)], capture_output=True, text=True, timeout=30, check=True)
    return json.loads(out.stdout)


def test_delays_have_jitter_and_grow_to_a_minute(tmp_path):
    result = _run(
        tmp_path,
        """
const low = [1, 2, 3, 4, 5, 6, 9].map((n) => reconnectDelay(n, () => 0));
const high = [1, 2, 3, 4, 5, 6, 9].map((n) => reconnectDelay(n, () => 0.999));
const spread = new Set(Array.from({ length: 50 }, () => reconnectDelay(3))).size;
console.log(JSON.stringify({ low, high, spread }));
""",
    )
    assert result["low"] == [1000, 2000, 4000, 8000, 16000, 30000, 30000]
    assert result["high"] == [1999, 3998, 7996, 15992, 31984, 59970, 59970]
    assert result["spread"] > 10  # fifty pages do not pick the same second


def test_the_delay_grows_after_a_connection_that_was_open(tmp_path):
    result = _run(
        tmp_path,
        """
let attempt = 0;
const seen = [];
for (const openedFor of [null, 5000, 5000, 5000]) {
  attempt = nextAttempt(attempt, openedFor);
  seen.push(attempt);
}
const healthy = nextAttempt(attempt, 120000);
console.log(JSON.stringify({ seen, healthy }));
""",
    )
    assert result["seen"] == [1, 2, 3, 4]
    assert result["healthy"] == 1

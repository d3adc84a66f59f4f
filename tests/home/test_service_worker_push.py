"""The service worker shows a pushed message and a tap opens its page on this site, run with node."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

SW_JS = Path(__file__).resolve().parents[2] / "platform/home/static/wijk/js/sw.js"

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")

HARNESS = r"""
const listeners = {};
const shown = [];
const opened = [];
const self = {
  location: new URL("https://wijk.example.nl/sw.js"),
  addEventListener: (type, fn) => { listeners[type] = fn; },
  registration: { showNotification: async (title, options) => { shown.push({ title, options }); } },
  clients: { matchAll: async () => [], openWindow: async (url) => { opened.push(url); }, claim: () => {} },
  skipWaiting: () => {},
};
globalThis.self = self;
globalThis.caches = { open: async () => ({ addAll: async () => {} }), keys: async () => [] };
const waits = [];
const event = (extra) => ({ waitUntil: (p) => waits.push(p), ...extra });
SOURCE
const payload = JSON.stringify(PAYLOAD);
listeners.push(event({ data: { json: () => JSON.parse(payload), text: () => payload } }));
await Promise.all(waits);
for (const url of CLICKS) {
  listeners.notificationclick(event({ notification: { close: () => {}, data: { url } } }));
}
await Promise.all(waits);
console.log(JSON.stringify({ shown, opened }));
"""


def _run(tmp_path, payload: dict, clicks: list[str]) -> dict:
    module = tmp_path / "sw.mjs"
    module.write_text(
        HARNESS.replace("SOURCE", SW_JS.read_text())
        .replace("PAYLOAD", json.dumps(payload))
        .replace("CLICKS", json.dumps(clicks))
    )
    out = subprocess.run(["node", str(module)], capture_output=True, text=True, timeout=30, check=True)
    return json.loads(out.stdout)


def test_push_shows_the_notice_and_a_tap_opens_its_page(tmp_path):
    payload = {
        "title": "Spoed",
        "body": "Inbraak bij nummer 12",
        "url": "/buurtpreventie/noord/#melding-5",
        "urgent": True,
    }
    result = _run(tmp_path, payload, clicks=["/buurtpreventie/noord/#melding-5"])
    [shown] = result["shown"]
    assert shown["title"] == "Spoed"
    assert shown["options"]["body"] == "Inbraak bij nummer 12"
    assert shown["options"]["requireInteraction"] is True
    assert result["opened"] == ["https://wijk.example.nl/buurtpreventie/noord/#melding-5"]


def test_a_tap_never_opens_another_site(tmp_path):
    result = _run(tmp_path, {"body": "Nieuw bericht"}, clicks=["https://evil.example/x"])
    assert result["shown"][0]["title"] == "Wij(k) de Ruwaard"
    assert result["opened"] == ["https://wijk.example.nl/"]

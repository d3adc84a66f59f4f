"""Lighthouse mobile on / and /agenda/ (DESIGN.md budget: 95+ for performance, accessibility, best
practices and SEO). Needs lighthouse from package.json (npm ci) and Debian's chromium; skipped with a
reason otherwise."""

import json
import os
import subprocess

import pytest

from tests.district import build_district
from tests.e2e.conftest import CHROMIUM_ARGS, ROOT, chromium_path

pytestmark = [pytest.mark.perf, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


@pytest.fixture
def lighthouse():
    chromium = chromium_path()
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    if not LIGHTHOUSE.exists():
        pytest.skip("lighthouse is not installed (npm ci)")

    def run(url: str, out) -> dict:
        flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--form-factor=mobile",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={out}",
                f"--chrome-flags={flags}",
            ],
            check=True,
            timeout=240,
            env={**os.environ, "CHROME_PATH": chromium},
        )
        report = json.loads(out.read_text())
        return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}

    return run


@pytest.mark.parametrize("path", ["/", "/agenda/"])
def test_lighthouse_mobile_scores(live_server, lighthouse, transactional_db, tmp_path, path):
    build_district()
    scores = lighthouse(live_server.url + path, tmp_path / "report.json")
    print(f"\nBENCH lighthouse mobile {path}: " + ", ".join(f"{k} {v}" for k, v in scores.items()))
    assert min(scores.values()) >= 95, scores

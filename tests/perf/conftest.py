import statistics
import time

import pytest

from tests.district import build_district


def pytest_collection_modifyitems(config, items):
    """Benchmarks run only through `make bench` (-m perf)."""
    markexpr = config.getoption("-m") or ""
    if "perf" in markexpr:
        return
    skip = pytest.mark.skip(reason="benchmark: run with make bench")
    for item in items:
        if "perf" in item.keywords:
            item.add_marker(skip)


def measure(fn, *, runs: int = 30, warmup: int = 3) -> dict:
    """Median and p90 of fn() in milliseconds."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "median": statistics.median(samples),
        "p90": samples[int(len(samples) * 0.9) - 1],
        "runs": runs,
    }


def report(label: str, result: dict, budget_ms: float | None = None) -> str:
    line = f"{label}: median {result['median']:.1f} ms, p90 {result['p90']:.1f} ms over {result['runs']} runs"
    if budget_ms is not None:
        line += f" (budget {budget_ms:.0f} ms: {'OK' if result['median'] < budget_ms else 'OVER'})"
    print("\nBENCH " + line)
    return line


@pytest.fixture
def district(db):
    """A data set as large as the demo's, built with factories."""
    return build_district()

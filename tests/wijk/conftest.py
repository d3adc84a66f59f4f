import subprocess
import sys

import pytest

from . import live


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """The static files with their manifest, as collectstatic leaves them for a real server."""
    root = tmp_path_factory.mktemp("static")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=live.ROOT,
        env=live.server_env(STATIC_ROOT=str(root)),
        check=True,
        timeout=300,
    )
    return root


def pytest_collection_modifyitems(config, items):
    """The installed-package test runs only when asked for (-m installed, as .ci/run does); the load
    measurement only through `make load` (-m load)."""
    markexpr = config.getoption("-m") or ""
    for marker, how in (
        ("installed", "run with -m installed (.ci/run does)"),
        ("load", "run with make load"),
    ):
        if marker in markexpr:
            continue
        skip = pytest.mark.skip(reason=how)
        for item in items:
            if marker in item.keywords:
                item.add_marker(skip)

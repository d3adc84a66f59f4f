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

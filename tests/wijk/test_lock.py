"""Every install takes the pinned versions of requirements.lock, not the newest of each range."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_make_install_ci_and_image_install_from_the_lock():
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet -r requirements.lock" in makefile
    assert "--no-deps -e ." in makefile
    assert "\nlock:" in makefile  # `make lock` refreshes it
    assert "make install" in (ROOT / ".ci/run").read_text()  # CI installs through the Makefile
    dockerfile = (ROOT / "deploy/Dockerfile").read_text()
    assert "requirements.lock" in dockerfile
    assert "--no-deps" in dockerfile


def test_the_lock_pins_every_dependency_with_hashes():
    lock = (ROOT / "requirements.lock").read_text()
    for name in ("django==", "wagtail==", "python-dateutil==", "django-tasks-db==", "django-filter=="):
        assert name in lock
    assert "--hash=sha256:" in lock

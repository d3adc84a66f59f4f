"""The production image, proved without Docker: what deploy/Dockerfile does, step by step, in a fresh
virtualenv, then a server started from a folder outside the checkout with the production settings.

Slow (a virtualenv from the lock, migrations, collectstatic): marker `installed`, run by .ci/run.
"""

import re
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

from . import live

pytestmark = pytest.mark.installed

DOCKERFILE = live.ROOT / "deploy" / "Dockerfile"


def _run(args, *, cwd, env, timeout=900) -> str:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)  # noqa: S603
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def _copy_as_the_dockerfile_does(source: Path, data_dir: Path) -> None:
    """Each `COPY <from> <to>` of the Dockerfile: into the build folder, or to its absolute target."""
    for src, dst in re.findall(r"^COPY\s+(.+?)\s+(\S+)\s*$", DOCKERFILE.read_text(), flags=re.MULTILINE):
        names = src.split()
        if dst.startswith("/srv/wijk"):
            target = data_dir / Path(dst).relative_to("/srv/wijk")
        else:
            target = source / dst.removeprefix("./")
        for name in names:
            origin = live.ROOT / name
            if origin.is_dir():
                destination = target if len(names) == 1 and not dst.endswith("/") else target / name
                shutil.copytree(origin, destination, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(origin, target / origin.name)


def test_the_installed_package_serves_the_site_from_outside_the_checkout(tmp_path):
    source, data_dir, env_dir = tmp_path / "app", tmp_path / "srv", tmp_path / "venv"
    source.mkdir()
    data_dir.mkdir()
    _copy_as_the_dockerfile_does(source, data_dir)
    assert (data_dir / "locale" / "nl" / "LC_MESSAGES" / "django.mo").is_file()

    venv.create(env_dir, with_pip=True)
    python, bin_dir = env_dir / "bin" / "python", env_dir / "bin"
    build_env = live.server_env(PIP_DISABLE_PIP_VERSION_CHECK="1")
    for name in ("PYTHONPATH", "VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE"):
        build_env.pop(name, None)
    _run(
        [python, "-m", "pip", "install", "-q", "--no-compile", "-r", live.ROOT / "requirements.lock"],
        cwd=source,
        env=build_env,
    )
    _run([python, "-m", "pip", "install", "-q", "--no-compile", "--no-deps", "."], cwd=source, env=build_env)
    shutil.rmtree(source)  # as the image does: only site-packages is left

    env = {
        key: value
        for key, value in build_env.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "CHANNELS_PREFIX", "SQLITE_PATH"}
        and not key.startswith(("STATIC_", "MEDIA_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="wijk.settings.production",
        SECRET_KEY="installed-test-" + "x7#Kq2!zP9@wL4$rT6^yN1&uJ3*oM5(eB7)cX0_hG2+fD8",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        WIJK_DATA_DIR=str(data_dir),
        LOCALE_DIR=str(data_dir / "locale"),
        PATH=f"{bin_dir}:{env.get('PATH', '')}",
    )
    where = _run(
        [python, "-c", "import wijk, core; print(wijk.__file__, core.__file__)"], cwd=data_dir, env=env
    )
    assert str(env_dir) in where and str(live.ROOT) not in where, where

    _run([bin_dir / "django-admin", "collectstatic", "--noinput", "-v0"], cwd=data_dir, env=env)
    _run([bin_dir / "django-admin", "migrate", "--noinput", "-v0"], cwd=data_dir, env=env)
    _run([bin_dir / "django-admin", "check", "--deploy", "--fail-level", "ERROR"], cwd=data_dir, env=env)
    assert (data_dir / "staticfiles" / "staticfiles.json").is_file()
    assert (data_dir / "db.sqlite3").is_file()

    port = live.free_port()
    server = live.daphne("installed", port, env, binary=bin_dir / "daphne", cwd=data_dir)
    base = f"http://127.0.0.1:{port}"
    with live.running([server], tmp_path):
        live.wait_for(f"{base}/health/", server)
        pages = {path: live.request("GET", base + path) for path in ("/", "/agenda/", "/verhalen/")}
        missing = live.request("GET", f"{base}/agenda/bestaat-niet/")
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', pages["/"].body)
        css = live.request("GET", base + stylesheet.group(1)) if stylesheet else None

    for path, page in pages.items():
        assert page.status == 200, (path, page.body[-2000:], server.output()[-3000:])
        assert '<html lang="nl"' in page.body, path
        assert "Wij(k) de Ruwaard" in page.body, path
    assert "Agenda" in pages["/agenda/"].body
    assert "Verhalen" in pages["/verhalen/"].body
    assert missing.status == 404
    assert "Deze pagina bestaat niet (meer)" in missing.body  # the Dutch 404 page, translated from the .mo
    assert "Traceback" not in missing.body and "URLconf" not in missing.body  # DEBUG is off
    assert css is not None and css.status == 200, "the hashed stylesheet is served by WhiteNoise"
    assert "Traceback" not in server.output()

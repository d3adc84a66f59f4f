import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def _base_env(**extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "wijk.settings.production"
    env.update(extra)
    return env


def test_production_refuses_to_start_without_secret_key_and_hosts():
    result = _manage("check", env=_base_env())
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "ALLOWED_HOSTS" in result.stderr
    assert "Traceback" in result.stderr or "ImproperlyConfigured" in result.stderr


def test_production_check_deploy_is_clean():
    env = _base_env(
        SECRET_KEY="k8#Vq2!zP9@wL4$rT6^yN1&uJ3*oM5(eB7)cX0_hG2+fD8=sA4~iQ9|lK3:vZ6;",
        ALLOWED_HOSTS="wijkderuwaard.nl",
    )
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout

"""The import direction of DESIGN.md is part of the design: test it."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = {
    "core": ROOT / "platform/core",
    "accounts": ROOT / "platform/accounts",
    "organisations": ROOT / "platform/organisations",
    "notices": ROOT / "platform/notices",
    "home": ROOT / "platform/home",
    "activities": ROOT / "activities",
    "marketplace": ROOT / "marketplace",
    "stories": ROOT / "stories",
    "search": ROOT / "search",
    "demo": ROOT / "demo",
}
CONTENT = {"activities", "marketplace", "stories"}
# The demo package loads content through every app; no app may import it.
FORBIDDEN = {
    "core": set(APPS) - {"core"},
    "accounts": set(APPS) - {"accounts", "core"},
    "organisations": CONTENT | {"home", "search", "notices", "demo"},
    "notices": CONTENT | {"home", "search", "demo"},
    "home": {"demo"},
    "search": {"demo"},
    **{app: {"home", "search", "demo"} for app in CONTENT},
}


def _imports(folder: Path):
    for file in folder.rglob("*.py"):
        if "migrations" in file.parts:
            continue
        tree = ast.parse(file.read_text(), filename=str(file))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield file, alias.name.split(".")[0]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                yield file, node.module.split(".")[0]


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_app_imports_follow_the_design(app):
    wrong = [(str(f.relative_to(ROOT)), m) for f, m in _imports(APPS[app]) if m in FORBIDDEN[app]]
    assert wrong == []


def test_platform_folder_is_not_a_package():
    assert not (ROOT / "platform" / "__init__.py").exists()


def test_no_app_keeps_demo_content():
    """Demo content lives in demo/, not in the apps' runtime code."""
    stray = [
        str(f.relative_to(ROOT))
        for app, folder in APPS.items()
        if app != "demo"
        for f in folder.rglob("demo*.py")
    ]
    assert stray == []

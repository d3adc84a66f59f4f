"""The import direction of DESIGN.md is part of the design: test it.

An app "uses" another when it imports it, names one of its models in a label string
(``"home.HomePage"`` in ``parent_page_types``, ``ForeignKey("app.Model")``), loads one with
``apps.get_model(...)``, or (in a migration) depends on one of its migrations. Migrations count too.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = {
    "core": ROOT / "platform/core",
    "accounts": ROOT / "platform/accounts",
    "notifications": ROOT / "platform/notifications",
    "organisations": ROOT / "platform/organisations",
    "notices": ROOT / "platform/notices",
    "home": ROOT / "platform/home",
    "activities": ROOT / "activities",
    "marketplace": ROOT / "marketplace",
    "stories": ROOT / "stories",
    "search": ROOT / "search",
    "ops": ROOT / "platform/ops",
    "moderation": ROOT / "platform/moderation",
    "demo": ROOT / "demo",
}
CONTENT = {"activities", "marketplace", "stories"}
# The demo package loads content through every app; no app may import it.
FORBIDDEN = {
    "core": set(APPS) - {"core"},
    "accounts": set(APPS) - {"accounts", "core"},
    "notifications": set(APPS) - {"notifications", "accounts", "core"},
    "organisations": CONTENT | {"home", "search", "notices", "demo", "moderation"},
    "notices": CONTENT | {"home", "search", "demo", "moderation"},
    # The queue finds the moderated kinds through core.registry (<app>/moderated.py); it imports
    # no content app, and no content app (nor notices) imports it.
    "moderation": CONTENT | {"home", "search", "notices", "organisations", "ops", "demo"},
    "home": {"demo"},
    "search": {"demo"},
    "ops": {"demo"},
    **{app: {"home", "search", "notices", "demo", "moderation"} for app in CONTENT},
}


def _label_app(value: str, known: set[str]) -> str | None:
    """The app of a model label such as "home.HomePage" (None when it is not one of ours)."""
    head, dot, model = value.partition(".")
    if dot and head in known and model.isidentifier() and model[:1].isalpha():
        return head
    return None


def _uses(file: Path, known: set[str]):
    """Every (line, app) this file uses: imports, model labels, get_model and migration dependencies."""
    tree = ast.parse(file.read_text(), filename=str(file))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module.split(".")[0]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "get_model"
        ):
            args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if args:
                yield node.lineno, args[0].split(".")[0]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            app = _label_app(node.value, known)
            if app:
                yield node.lineno, app
        elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
            # ("app", "0001_initial") in a migration's dependencies
            first, second = node.elts
            if (
                isinstance(first, ast.Constant)
                and isinstance(second, ast.Constant)
                and first.value in known
                and isinstance(second.value, str)
                and second.value[:4].isdigit()
            ):
                yield node.lineno, first.value


def breaches(apps: dict[str, Path], forbidden: dict[str, set[str]]) -> list[tuple[str, int, str]]:
    known = set(apps)
    wrong = []
    for app, folder in apps.items():
        for file in sorted(folder.rglob("*.py")):
            for line, used in sorted(set(_uses(file, known))):
                if used in forbidden.get(app, set()):
                    wrong.append((str(file.relative_to(folder.parent)), line, used))
    return wrong


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_app_imports_follow_the_design(app):
    assert breaches(APPS, {app: FORBIDDEN[app]}) == []


def test_platform_folder_is_not_a_package():
    assert not (ROOT / "platform" / "__init__.py").exists()


@pytest.mark.parametrize(
    "filename, source, used",
    [
        ("models.py", 'class StoryIndexPage:\n    parent_page_types = ["home.HomePage"]\n', "home"),
        (
            "models.py",
            'from django.db import models\nowner = models.ForeignKey("notices.Notice", on_delete=None)\n',
            "notices",
        ),
        ("services.py", 'def f(apps):\n    return apps.get_model("home", "HomePage")\n', "home"),
        ("services.py", 'def f(apps):\n    return apps.get_model("search.Entry")\n', "search"),
        (
            "migrations/0002_story_index.py",
            'dependencies = [("stories", "0001_initial"), ("home", "0002_create_homepage")]\n',
            "home",
        ),
        ("views.py", "from notices.services import post_notice\n", "notices"),
    ],
)
def test_a_breach_by_label_get_model_or_dependency_fails(tmp_path, filename, source, used):
    fake = {name: tmp_path / name for name in ("stories", "home", "notices", "search", "notifications")}
    for folder in fake.values():
        (folder / "migrations").mkdir(parents=True)
    (fake["stories"] / filename).write_text(source)
    # Allowed uses in the same tree are not reported.
    (fake["stories"] / "ok.py").write_text(
        'from notifications.services import notify\nX = "stories.StoryPage"\n'
    )
    found = breaches(fake, {"stories": FORBIDDEN["stories"]})
    assert [(path, app) for path, _line, app in found] == [(f"stories/{filename}", used)]


def test_notifications_may_use_only_accounts_and_core(tmp_path):
    folder = tmp_path / "notifications"
    folder.mkdir()
    (folder / "services.py").write_text(
        "import accounts\nimport core\nfrom marketplace.models import Listing\n"
    )
    apps = {"notifications": folder, "accounts": tmp_path / "accounts", "core": tmp_path / "core"}
    apps["marketplace"] = tmp_path / "marketplace"
    assert breaches(apps, {"notifications": FORBIDDEN["notifications"]}) == [
        ("notifications/services.py", 3, "marketplace")
    ]


def test_no_app_keeps_demo_content():
    """Demo content lives in demo/, not in the apps' runtime code."""
    stray = [
        str(f.relative_to(ROOT))
        for app, folder in APPS.items()
        if app != "demo"
        for f in folder.rglob("demo*.py")
    ]
    assert stray == []

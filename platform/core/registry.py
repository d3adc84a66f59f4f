"""What apps offer each other without importing each other: a module with a known name.

As Wagtail finds every app's ``wagtail_hooks``, an app offers something by giving it a known name in a
module with a known name; the app that needs it asks ``offered(module, name)`` and never imports the
other app. What is offered this way:

- ``dashboard.SECTION``: the app's section of /mijn/ (accounts);
- ``exported.KINDS``: how a person reads the app's rows in the privacy export (accounts);
- ``moderated.KINDS``: what the moderation queue may approve, hide or have reported (moderation);
- ``services.clear_posts_of_deleted_account`` and ``services.forget_links``: what happens to a deleted
  account's posts, and to what pointed at them (accounts);
- ``organisation_page.part``: what an organisation's page shows of the app (organisations).

The order is the apps' labels, so it does not change with INSTALLED_APPS.
"""

from functools import cache
from importlib import import_module
from typing import Any

from django.apps import AppConfig, apps
from django.utils.module_loading import module_has_submodule


@cache
def offered_by(module: str, name: str) -> tuple[tuple[AppConfig, Any], ...]:
    """(app config, what it offers) for every app whose `module` has `name`, by app label.
    Looked up once per process: the apps do not change while it runs."""
    found = []
    for config in sorted(apps.get_app_configs(), key=lambda config: config.label):
        if module_has_submodule(config.module, module):
            value = getattr(import_module(f"{config.name}.{module}"), name, None)
            if value is not None:
                found.append((config, value))
    return tuple(found)


def offered(module: str, name: str) -> tuple:
    """What the apps offer as `name` in their `module`, by app label."""
    return tuple(value for _config, value in offered_by(module, name))

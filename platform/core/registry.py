"""What apps offer each other without importing each other: a dotted path on their AppConfig.

An app names, say, ``deletion_cleanup = "marketplace.services.clear_posts_of_deleted_account"`` on its
AppConfig; the app that needs it asks ``named_on_app_configs("deletion_cleanup")`` and never imports the
other app. The order is the apps' labels, so it does not change with INSTALLED_APPS.
"""

from functools import cache

from django.apps import apps
from django.utils.module_loading import import_string


@cache
def named_on_app_configs(attribute: str) -> tuple:
    """What the apps name (as dotted paths) under `attribute` of their AppConfig, imported, by app label.
    Looked up once per process: the apps do not change while it runs."""
    configs = sorted(apps.get_app_configs(), key=lambda config: config.label)
    return tuple(import_string(path) for config in configs if (path := getattr(config, attribute, "")))

"""Load the demo content of the district, dated relative to today. Idempotent: run it as often as you like.

Every installed app of the project may have a `demo` module with a `load(*, today, stdout)` function;
they run in the order of INSTALLED_APPS.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

DEMO_PASSWORD = "ruwaard-demo"  # noqa: S105 — the documented demo password


class Command(BaseCommand):
    help = "Load (or refresh) the demo content of Wij(k) de Ruwaard."

    def handle(self, *args, **options):
        # Demo content is made up: the mails it would trigger (moderation, notifications) go nowhere.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            self._load()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write("")
        self.stdout.write(f"  Demo accounts (password for all: {DEMO_PASSWORD}):")
        from accounts.demo import DEMO_ACCOUNTS

        for account in DEMO_ACCOUNTS:
            self.stdout.write(f"    {account['email']:<28} {account['label']}")

    def _load(self):
        today = timezone.localdate()
        for config in apps.get_app_configs():
            module_name = f"{config.name}.demo"
            if config.name.startswith(("django", "wagtail", "allauth")) or not find_spec(module_name):
                continue
            module = import_module(module_name)
            with transaction.atomic():
                module.load(today=today, stdout=self.stdout)

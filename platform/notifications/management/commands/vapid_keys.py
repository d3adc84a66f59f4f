"""Make a VAPID key pair for Web Push (RFC 8292).

`manage.py vapid_keys` prints a new pair as environment lines. `--first-start` (what `make run` does)
writes a pair to VAPID_KEY_FILE once, when the environment has none, and prints it; later runs are silent.
"""

import json
import os

from django.conf import settings
from django.core.management.base import BaseCommand

from notifications.push import generate_keys


class Command(BaseCommand):
    help = "Make a VAPID key pair for Web Push and print it as VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY."

    def add_arguments(self, parser):
        parser.add_argument(
            "--first-start",
            action="store_true",
            help="Only when no keys are configured: store a pair in VAPID_KEY_FILE and print it.",
        )

    def handle(self, *args, first_start=False, **options):
        if first_start and (
            (settings.VAPID_PUBLIC_KEY and settings.VAPID_PRIVATE_KEY) or settings.VAPID_KEY_FILE.exists()
        ):
            return
        keys = generate_keys()
        if first_start:
            path = settings.VAPID_KEY_FILE
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                json.dump(keys, handle)
            self.stdout.write(f"New VAPID keys for Web Push, stored in {path}. For production, set:")
        for name, value in keys.items():
            self.stdout.write(f"{name}={value}")
        self.stdout.write(f"VAPID_SUBJECT={settings.VAPID_SUBJECT}")

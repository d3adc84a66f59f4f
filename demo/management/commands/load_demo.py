"""Load the demo content of the district, dated relative to today. Idempotent: run it as often as you like."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from demo import loader


class Command(BaseCommand):
    help = "Load (or refresh) the demo content of Wij(k) de Ruwaard."

    def handle(self, *args, **options):
        loader.load(today=timezone.localdate(), stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write("")
        loader.print_logins(self.stdout)

"""Rebuild the search index from everything a visitor may see. Safe to run from cron."""

from django.core.management.base import BaseCommand

from search.indexing import count_documents, rebuild_index


class ProgressBar:
    """A plain text progress bar on the command's stdout: [########------------]  40% 120/300."""

    def __init__(self, stdout, total: int, width: int = 30):
        self.stdout, self.total, self.width, self.done = stdout, max(total, 1), width, 0
        self._last = -1

    def advance(self, steps: int = 1) -> None:
        self.done += steps
        percent = min(100, self.done * 100 // self.total)
        if percent != self._last:
            self._last = percent
            filled = self.width * percent // 100
            bar = "#" * filled + "-" * (self.width - filled)
            self.stdout.write(f"\r[{bar}] {percent:3d}% {self.done}/{self.total}", ending="")
            self.stdout.flush()

    def finish(self) -> None:
        self.stdout.write("")


class Command(BaseCommand):
    help = "Rebuild the search index (database table, and Elasticsearch behind a new alias when configured)."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Do not show a progress bar.")

    def handle(self, *args, **options):
        progress = None
        if not options["no_progress"] and options["verbosity"] > 0:
            bar = ProgressBar(self.stdout, count_documents())
            progress = bar.advance
        counts = rebuild_index(progress=progress)
        if progress:
            bar.finish()
        for backend, count in counts.items():
            self.stdout.write(self.style.SUCCESS(f"Search index ({backend}): {count} documents."))

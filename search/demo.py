"""Search comes last among the apps: rebuild the index from all demo content."""

from .indexing import rebuild_index


def load(*, today, stdout) -> None:
    counts = rebuild_index()
    stdout.write("Search index: " + ", ".join(f"{name} {count}" for name, count in counts.items()))

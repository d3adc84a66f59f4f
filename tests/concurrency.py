"""Writers at the same moment, each on its own database connection (PostgreSQL takes them at once)."""

import threading

from django.db import connections


def at_once(action, arguments) -> list[Exception]:
    """Call action(argument) for every argument in its own thread, all released together; what they raised."""
    barrier, errors = threading.Barrier(len(arguments)), []

    def run(argument):
        try:
            barrier.wait()
            action(argument)
        except Exception as error:  # noqa: BLE001 — returned to the test, which asserts on it
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors

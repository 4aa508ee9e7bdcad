"""The embedded SQLite database under concurrent use (config/settings.py): a second writer waits for the first
instead of failing with "database is locked". Runs on a file database of its own (WAL needs a file)."""

import copy
import threading

import pytest
from django.db import connection, connections, transaction

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite settings")
# (connection.vendor needs no connection: it is the backend's name.)

ALIAS = "sqlite_concurrency"


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    settings_dict = copy.deepcopy(connection.settings_dict)
    settings_dict["NAME"] = str(tmp_path / "concurrency.sqlite3")
    settings_dict["TEST"] = {"NAME": settings_dict["NAME"]}
    connections.settings[ALIAS] = settings_dict
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER)")
            cursor.execute("INSERT INTO counter VALUES (1, 0)")
        connections[ALIAS].close()
        yield
        connections[ALIAS].close()
    del connections[ALIAS]
    del connections.settings[ALIAS]


def test_the_connection_is_configured_for_concurrent_use(file_database):
    with connections[ALIAS].cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    connections[ALIAS].close()


def test_two_read_then_write_transactions_both_succeed(file_database):
    """Each reads the counter, then writes it back plus one: the classic "database is locked" of deferred
    transactions (the second cannot upgrade its read to a write). With IMMEDIATE the second waits."""
    first_read = threading.Event()
    second_started = threading.Event()
    errors = []

    def increment(first: bool):
        try:
            if not first:
                first_read.wait(5)
                second_started.set()
            with transaction.atomic(using=ALIAS):
                with connections[ALIAS].cursor() as cursor:
                    value = cursor.execute("SELECT value FROM counter WHERE id = 1").fetchone()[0]
                    if first:
                        first_read.set()
                        # Give the second writer the chance to begin and read before this one writes.
                        second_started.wait(5)
                        threading.Event().wait(0.3)
                    cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
        except Exception as error:  # noqa: BLE001 - the test reports whatever the database said
            errors.append(error)
        finally:
            connections[ALIAS].close()

    threads = [threading.Thread(target=increment, args=(first,)) for first in (True, False)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    with connections[ALIAS].cursor() as cursor:
        assert cursor.execute("SELECT value FROM counter WHERE id = 1").fetchone()[0] == 2
    connections[ALIAS].close()

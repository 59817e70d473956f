"""The embedded SQLite store: the default, and the demo store on Streamlit Community Cloud.

A small pool of connections, each lent to one thread for one operation
(``connection.Pool``; ``close()`` closes them), WAL mode so that readers never wait for
the writer, every write in a ``BEGIN IMMEDIATE`` transaction so that compare-and-set,
the revision bump and the history entry land together or not at all. The schema is
versioned with ``PRAGMA user_version`` (``schema.STEPS``).
"""

from __future__ import annotations

from partnership.store.sqlite.agreement import _Agreement
from partnership.store.sqlite.core import LIVE_BUSY_MS
from partnership.store.sqlite.live import _Live
from partnership.store.sqlite.schema import SCHEMA, SCHEMA_VERSION, UPGRADES
from partnership.store.sqlite.transfer import _Transfer
from partnership.store.sqlite.usecases import _UseCases


class SQLiteStore(_Transfer, _UseCases, _Agreement, _Live):
    """The Store contract on a SQLite file (created with its folder if missing)."""

    backend = "sqlite"


__all__ = ["LIVE_BUSY_MS", "SCHEMA", "SCHEMA_VERSION", "UPGRADES", "SQLiteStore"]

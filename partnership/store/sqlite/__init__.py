"""The embedded SQLite store: the default, and the demo store on Streamlit Community Cloud.

One connection per thread (sqlite3 connections are not thread-safe), WAL mode so that
readers never wait for the writer, every write in a ``BEGIN IMMEDIATE`` transaction so
that compare-and-set, the revision bump and the history entry land together or not at
all. The schema is versioned with ``PRAGMA user_version``.
"""

from __future__ import annotations

from partnership.store.sqlite.agreement import _Agreement
from partnership.store.sqlite.core import LIVE_BUSY_MS
from partnership.store.sqlite.live import _Live
from partnership.store.sqlite.schema import SCHEMA, SCHEMA_VERSION, UPGRADES
from partnership.store.sqlite.transfer import _Transfer


class SQLiteStore(_Transfer, _Agreement, _Live):
    """The Store contract on a SQLite file (created with its folder if missing)."""

    backend = "sqlite"


__all__ = ["LIVE_BUSY_MS", "SCHEMA", "SCHEMA_VERSION", "UPGRADES", "SQLiteStore"]

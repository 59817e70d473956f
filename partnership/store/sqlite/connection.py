"""Opening SQLite connections, and what a failure means to the reader."""

from __future__ import annotations

import sqlite3

from partnership.errors import StorageError

_FULL = {getattr(sqlite3, "SQLITE_FULL", 13), getattr(sqlite3, "SQLITE_IOERR", 10)}
_BUSY = {getattr(sqlite3, "SQLITE_BUSY", 5), getattr(sqlite3, "SQLITE_LOCKED", 6)}


def _storage_error(what: str, exc: sqlite3.Error) -> StorageError:
    """A StorageError whose code names the kind of failure (``err.<code>`` in the
    catalogue): a full disk, a database held by someone else, or anything else."""
    errorcode = getattr(exc, "sqlite_errorcode", None)
    primary = errorcode & 0xFF if isinstance(errorcode, int) else None
    code = "storage_full" if primary in _FULL else "storage_busy" if primary in _BUSY else "storage"
    return StorageError(f"{what}: {exc}", code=code)


def _end(conn: sqlite3.Connection, statement: str) -> None:
    """Commit or roll back only an open transaction. SQLite may already have rolled back
    on its own (a full disk does that), and a second error must not hide the first."""
    if not conn.in_transaction:
        return
    if statement == "rollback":
        try:
            conn.execute("rollback")
        except sqlite3.Error:  # the first error is the one to report
            pass
    else:
        conn.execute(statement)

"""Opening SQLite connections, and what a failure means to the reader."""

from __future__ import annotations

import sqlite3
import threading

from partnership import limits
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


def connect(path: str) -> sqlite3.Connection:
    """A new connection as the store uses it: autocommit (the store opens its own
    transactions), WAL, a size-limited journal, foreign keys, rows by name. It may be used
    by any thread, one at a time (the Pool sees to that)."""
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=limits.BUSY_TIMEOUT_S, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StorageError(f"cannot open {path}: {exc}") from exc
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("pragma journal_mode=wal")
        conn.execute(f"pragma journal_size_limit={limits.JOURNAL_SIZE_LIMIT}")
        conn.execute("pragma foreign_keys=on")
        conn.execute("pragma synchronous=normal")
    except sqlite3.Error as exc:
        conn.close()
        raise StorageError(f"cannot open {path}: {exc}") from exc
    return conn


class Pool:
    """At most ``size`` open connections to one file, each lent to one thread at a time.

    A connection is made when none is idle and fewer than ``size`` are lent, and kept for
    the next borrower (the newest given back first), so the PRAGMAs run once per
    connection, not once per script thread. A borrower waits for a free connection at
    most as long as it would wait for SQLite's lock."""

    def __init__(self, path: str, size: int) -> None:
        self.path = path
        self._slots = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()
        self._idle: list[sqlite3.Connection] = []
        self._closed = False

    def take(self, wait_s: float) -> sqlite3.Connection:
        """A connection for this thread alone until ``give``. StorageError ``storage_busy``
        when all are lent for longer than ``wait_s``; StorageError once closed."""
        if not self._slots.acquire(timeout=wait_s):
            raise StorageError(f"{self.path}: every connection busy", code="storage_busy")
        try:
            with self._lock:
                if self._closed:
                    raise StorageError(f"{self.path}: the store is closed")
                if self._idle:
                    return self._idle.pop()
            return connect(self.path)
        except BaseException:
            self._slots.release()
            raise

    def give(self, conn: sqlite3.Connection, *, keep: bool = True) -> None:
        """Take back a connection; it is closed instead of kept when ``keep`` is false, when
        it is still in a transaction, or when the pool is closed."""
        try:
            with self._lock:
                if keep and not self._closed and not conn.in_transaction:
                    self._idle.append(conn)
                    return
            conn.close()
        finally:
            self._slots.release()

    def close(self) -> None:
        """Close the idle connections now and each lent one when it is given back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()

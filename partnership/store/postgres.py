"""The PostgreSQL transport: the ``ps_*`` functions (partnership/store/rpc.py) called through
psycopg, on the embedded engine (partnership/store/engine.py) or any PostgreSQL URL.

Each call runs in its own transaction as the role ``anon`` - the only role the functions
are granted to, as on Supabase - with the arguments converted by PostgreSQL itself
(partnership/store/pg_call.py), so the same SQL decides on both transports.

Connections come from a small pool (``POOL_MAX``). Reads are tried again once on a broken
connection; a write is repeated only when it cannot have reached the database (no
connection at all).

**Push across processes.** Every revision bump sends ``NOTIFY ps_commit`` with the
project, the revision and, for a field's text, its scope (migration
20261205000000_commit_notify.sql). When a commit listener is attached (the live hub), one
thread per process LISTENs and hands each notification on - from this process or any
other - so the hub needs no periodic check (``pushes_commits``).
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from partnership.errors import StorageError
from partnership.store import pg_call
from partnership.store.base import CommitListener
from partnership.store.rpc import RpcStore
from partnership.store.rpc_wire import UNREACHABLE, UNSURE, transient, translate, unsendable

POOL_MAX = 8
"""Most connections one process holds (the embedded engine allows 20 in all)."""

STATEMENT_TIMEOUT = "15s"
"""A call that runs longer is cancelled (rolled back) and reported."""

LOCK_TIMEOUT = "2s"
"""A write that waits longer for another writer's lock gives up: "busy, try again"."""

REVIVE_EVERY_S = 2.0
"""Least time between two attempts to start a vanished embedded server again."""

RESYNC_S = 3.0
"""After the listener reconnected, the hub checks revisions for this long (what was missed)."""

CHANNEL = "ps_commit"

log = logging.getLogger(__name__)


class PostgresStore(RpcStore):
    """The Store contract on a PostgreSQL database with the migrations applied, reached
    by ``conninfo`` (a ``postgresql://`` URL or a libpq connection string) as a user that
    may ``SET ROLE anon``."""

    backend = "postgres"

    def __init__(self, conninfo: str, *, embedded: bool = False, listen: bool = True, pool_max: int = POOL_MAX,
                 statement_timeout: str = STATEMENT_TIMEOUT, connect_timeout: float = 5.0,
                 revive: Callable[[], object] | None = None) -> None:
        self.conninfo = conninfo
        self.embedded = embedded
        self.listen = listen
        """False: no LISTEN (a pooler in transaction mode cannot); listeners then hear only
        this process's writes, without a revision, and the hub checks as on Supabase."""
        self.statement_timeout = statement_timeout
        self._catalog = pg_call.Catalog()
        self._revive = revive
        """Starts the server again when it is gone (the embedded engine: ``engine.start_embedded``)."""
        self._revived = 0.0
        self._pool = ConnectionPool(conninfo, min_size=1, max_size=pool_max, timeout=connect_timeout,
                                    check=ConnectionPool.check_connection,
                                    kwargs={"autocommit": False, "connect_timeout": max(1, int(connect_timeout))},
                                    open=False, name="partnership")
        try:
            self._pool.open(wait=True, timeout=connect_timeout)
        except PoolTimeout as exc:
            self._pool.close()
            raise StorageError(f"{UNREACHABLE} ({exc})") from exc
        self._closed = threading.Event()
        self._wake = f"ps_wake_{secrets.token_hex(8)}"
        """This store's own channel: ``close`` notifies it so that the listener stops at once."""
        self._listener: threading.Thread | None = None
        self._listening_since = 0.0
        self._listen_lock = threading.Lock()

    @property
    def pushes_commits(self) -> bool:
        """True while this store tells its commit listeners of every process's commits
        (not for a moment after the listener reconnected: what it missed is checked)."""
        return (self._listener is not None and self._listener.is_alive()
                and time.monotonic() >= self._listening_since + RESYNC_S)

    def close(self) -> None:
        self._closed.set()
        if self._listener is not None and self._listener.is_alive():
            try:  # wake the listener, which would otherwise notice only at its next timeout
                with self._pool.connection(timeout=1.0) as conn:
                    conn.execute("select pg_notify(%s, '')", (self._wake,))
                    conn.commit()
            except (psycopg.Error, PoolTimeout):
                pass  # then it stops within its timeout
        self._pool.close()
        if self._listener is not None:
            self._listener.join(timeout=5)

    # -- the transport -------------------------------------------------------------------

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[Any]]:
        try:
            with self._pool.connection() as conn:
                yield conn
        except PoolTimeout as exc:  # no connection could be made: is the server gone?
            self._revive_server()
            raise StorageError(UNREACHABLE) from exc

    def _call(self, fn: str, params: dict[str, Any], *, read: bool, headers: dict[str, str] | None = None) -> Any:
        for attempt in (1, 2):
            sent = False
            try:
                with self._connection() as conn:
                    function = self._catalog.choose(conn, "public", fn, params)
                    conn.rollback()
                    if function is None:
                        raise translate("PGRST202", f"no function public.{fn} for {sorted(params)}", None)
                    sent = True
                    answer = pg_call.run(conn, function, params, role="anon",
                                         statement_timeout=self.statement_timeout, lock_timeout=LOCK_TIMEOUT,
                                         headers=headers)
                return None if answer is None else json.loads(answer)
            except psycopg.OperationalError as exc:
                code = exc.sqlstate or ""
                if code and not transient(code) and not code.startswith("08"):
                    raise translate(code, _message(exc), _detail(exc), write=not read) from exc
                if (read or not sent) and attempt == 1 and not self._closed.is_set():
                    self._revive_server()
                    time.sleep(0.1)
                    continue
                if read or not sent:
                    raise StorageError(UNREACHABLE) from exc
                raise StorageError(UNSURE, code="storage_unsure") from exc
            except psycopg.Error as exc:
                raise translate(exc.sqlstate or "", _message(exc), _detail(exc), write=not read) from exc
            except (TypeError, ValueError) as exc:  # UnicodeEncodeError included
                raise unsendable(exc) from exc
        raise StorageError(UNREACHABLE)  # pragma: no cover - the loop always returns or raises

    def _revive_server(self) -> None:
        """The connection failed: if the embedded server is gone, start it again (at most
        every few seconds; a failure leaves the caller's error as it is)."""
        now = time.monotonic()
        if self._revive is None or now - self._revived < REVIVE_EVERY_S:
            return
        self._revived = now
        try:
            self._revive()
            self._pool.check()  # new connections now, not after the pool's reconnection back-off
        except Exception:  # noqa: BLE001 - the call's own error is what the user hears about
            log.warning("the database could not be started again", exc_info=True)

    # -- push ------------------------------------------------------------------------------

    def add_commit_listener(self, listener: CommitListener) -> None:
        super().add_commit_listener(listener)
        with self._listen_lock:
            if self._listener is None and self.listen:
                ready = threading.Event()
                self._listener = threading.Thread(target=self._listen, args=(ready,), name="ps-listen", daemon=True)
                self._listener.start()
                ready.wait(5)

    def _wrote(self, project_id: str) -> None:
        if not self.pushes_commits:  # no LISTEN (yet): tell the listeners the old way
            self._committed(project_id, None)

    def _listen(self, ready: threading.Event) -> None:
        """LISTEN for commits until the store closes; reconnects with back-off."""
        pause = 0.2
        while not self._closed.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"listen {CHANNEL}")
                    conn.execute(f"listen {self._wake}")
                    if ready.is_set():  # a reconnect: commits may have been missed meanwhile
                        self._listening_since = time.monotonic()
                    ready.set()
                    pause = 0.2
                    while not self._closed.is_set():
                        for note in conn.notifies(timeout=0.5):
                            if note.channel == self._wake:  # close() wakes it: stop at once
                                break
                            self._notified(note.payload)
            except psycopg.Error:
                log.warning("the commit listener lost its connection; reconnecting")
                self._revive_server()
            ready.set()
            self._closed.wait(pause)
            pause = min(pause * 2, 5.0)

    def _notified(self, payload: str) -> None:
        try:
            data = json.loads(payload)
            project_id, scope = str(data["p"]), data.get("s") or None
            revision = None if data.get("r") is None else int(data["r"])
        except (ValueError, KeyError, TypeError):
            log.warning("unreadable commit notice %r", payload)
            return
        self._committed(project_id, revision, scope if isinstance(scope, str) else None)


def _message(exc: psycopg.Error) -> str:
    return exc.diag.message_primary or str(exc)


def _detail(exc: psycopg.Error) -> str | None:
    return exc.diag.message_detail

"""The SQLite store's plumbing: connections, transactions, the schema runner and the
checks every part of the store shares."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from partnership import exchange, limits, validation
from partnership.errors import Forbidden, InvalidLink, ValidationError
from partnership.model import Access, Candidate, Person, Project, Role, Task
from partnership.store.base import Store, hash_token
from partnership.store.sqlite.connection import Pool, _end, _storage_error
from partnership.store.sqlite.schema import migrate

LIVE_BUSY_MS = 200
"""How long the live checks wait for a busy database before skipping a round."""

POOL_SIZE = 8
"""Most connections a store keeps open to its file (the threads beyond wait their turn)."""


@dataclass(frozen=True)
class _RecordSpec:
    entity: str
    table: str
    cls: type[Any]
    columns: tuple[str, ...]
    flags: tuple[str, ...]
    clean: Callable[[Mapping[str, Any]], dict[str, Any]]


_SPECS = {
    "candidate": _RecordSpec(
        "candidate", "candidates", Candidate, validation.CANDIDATE_FIELDS + ("position",), (),
        validation.candidate_changes,
    ),
    "person": _RecordSpec("person", "people", Person, validation.PERSON_FIELDS,
                          ("first_meeting", "working_group"), validation.person_changes),
    "task": _RecordSpec("task", "tasks", Task, validation.TASK_FIELDS, ("internal",), validation.task_changes),
}


def _now() -> datetime:
    return datetime.now(UTC)


def _q(column: str) -> str:
    return f'"{column}"'


class _Core(Store):
    """The connection, the transactions and the checks every part of the store shares."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._pool = Pool(self.path, 1 if self.path == ":memory:" else POOL_SIZE)
        try:
            self._migrate()
        except BaseException:
            self._pool.close()
            raise

    def close(self) -> None:
        self._pool.close()

    # -- plumbing -----------------------------------------------------------------------

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """A connection of the pool, this thread's alone for one operation. Inside
        ``_quick`` it waits at most LIVE_BUSY_MS, for the pool and for SQLite's lock."""
        quick = bool(getattr(self._local, "quick", False))
        conn = self._pool.take(LIVE_BUSY_MS / 1000 if quick else limits.BUSY_TIMEOUT_S)
        keep = True
        try:
            if quick:
                try:
                    conn.execute(f"pragma busy_timeout = {LIVE_BUSY_MS}")
                except sqlite3.Error as exc:
                    raise _storage_error("database unavailable", exc) from exc
            yield conn
        finally:
            if quick:
                try:
                    conn.execute(f"pragma busy_timeout = {int(limits.BUSY_TIMEOUT_S * 1000)}")
                except sqlite3.Error:  # not to be lent again with the short timeout
                    keep = False
            self._pool.give(conn, keep=keep)

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._connection() as conn:
            try:
                conn.execute("begin")
                try:
                    yield conn
                except BaseException:
                    _end(conn, "rollback")
                    raise
                _end(conn, "commit")
            except sqlite3.Error as exc:
                _end(conn, "rollback")
                raise _storage_error("database read failed", exc) from exc

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._connection() as conn:
            try:
                conn.execute("begin immediate")
            except sqlite3.Error as exc:
                raise _storage_error("database busy or unavailable", exc) from exc
            try:
                yield conn
                conn.execute("commit")
            except BaseException as exc:
                self._local.__dict__.pop("bumped", None)
                _end(conn, "rollback")
                if isinstance(exc, sqlite3.Error):
                    raise _storage_error("database write failed", exc) from exc
                raise
        # The connection is back in the pool before the listeners run (they may read).
        for project_id, (revision, scope) in self._local.__dict__.pop("bumped", {}).items():
            self._committed(project_id, revision, scope)

    def _bump(self, conn: sqlite3.Connection, project_id: str, scope: str | None = None) -> int | None:
        """Add 1 to the project's revision and return it; listeners hear the new one after
        the commit (with ``scope`` when this was the transaction's only change)."""
        row = conn.execute("update projects set revision = revision + 1 where id = ? returning revision",
                           (project_id,)).fetchone()
        revision: int | None = row[0] if row else None
        self._after_commit(project_id, revision, scope)
        return revision

    def _after_commit(self, project_id: str, revision: int | None, scope: str | None = None) -> None:
        """Tell the commit listeners about ``project_id`` once this transaction commits
        (``None``: the project is gone). Two changes in one transaction have no one scope."""
        bumped = self._local.__dict__.setdefault("bumped", {})
        bumped[project_id] = (revision, None if project_id in bumped else scope)

    @contextmanager
    def _quick(self) -> Iterator[None]:
        """Live checks wait at most LIVE_BUSY_MS for a busy database, then fail (and skip)."""
        self._local.quick = True
        try:
            yield
        finally:
            self._local.quick = False

    def _migrate(self) -> None:
        with self._connection() as conn:
            migrate(conn, self.path)

    @staticmethod
    def _link_row(conn: sqlite3.Connection, access: Access) -> sqlite3.Row:
        """The project row behind the access's token, re-checked on every call: the token
        must be live (not rotated away) and name exactly this project and role - an
        Access that claims more than its token grants is refused."""
        row: sqlite3.Row | None = conn.execute(
            "select p.*, l.role as link_role from links l join projects p on p.id = l.project_id"
            " where l.token_hash = ? and l.revoked_at is null",
            (hash_token(access.token),),
        ).fetchone()
        if row is None or row["id"] != access.project_id or row["link_role"] != access.role.value:
            raise InvalidLink("unknown or revoked link")
        return row

    def _check(self, conn: sqlite3.Connection, access: Access, *allowed: Role) -> Project:
        """Re-check the access's token and that its role may do this."""
        row = self._link_row(conn, access)
        if allowed and access.role not in allowed:
            raise Forbidden(f"{access.role} may not do this", code="forbidden")
        return self._project(row)

    @staticmethod
    def _project(row: sqlite3.Row) -> Project:
        return exchange.record(Project, {k: row[k] for k in row.keys() if k not in ("revision", "link_role")})

    def _log(
        self, conn: sqlite3.Connection, access: Access, actor: str, entity: str, target: str,
        old: str, new: str, version: int, *, joint: bool, at: datetime, scope: str | None = None,
    ) -> None:
        conn.execute(
            "insert into history (project_id, entity, target, actor, role, at, old, new, version, joint)"
            " values (?,?,?,?,?,?,?,?,?,?)",
            (access.project_id, entity, target, actor, access.role.value, at.isoformat(), old, new, version,
             int(joint)),
        )
        revision = self._bump(conn, access.project_id, scope)
        if revision is not None and revision % limits.HISTORY_PRUNE_EVERY == 0:
            self._prune_history(conn, access.project_id)

    @staticmethod
    def _prune_history(conn: sqlite3.Connection, project_id: str) -> None:
        """Keep the newest HISTORY_KEEP entries and HISTORY_KEEP_BYTES characters of text."""
        row = conn.execute(
            "select id from (select id, count(*) over w as n, sum(length(old) + length(new)) over w as size"
            " from history where project_id = ? window w as (order by id desc))"
            " where n > ? or size > ? order by id desc limit 1",
            (project_id, limits.HISTORY_KEEP, limits.HISTORY_KEEP_BYTES),
        ).fetchone()
        if row is not None:
            conn.execute("delete from history where project_id = ? and id <= ?", (project_id, row[0]))

    @staticmethod
    def _cap(conn: sqlite3.Connection, table: str, project_id: str, adding: int = 1) -> None:
        """Refuse ``adding`` more records of ``table`` beyond the project's cap."""
        limit = limits.RECORD_CAPS[table]
        have = conn.execute(f"select count(*) from {table} where project_id = ?",  # noqa: S608 - fixed names
                            (project_id,)).fetchone()[0] if adding <= limit else 0
        if have + adding > limit:
            raise ValidationError(f"more than {limit} {table}", code="record_cap", what=f"cap.{table}", limit=limit)

    @staticmethod
    def _on_new_project(conn: sqlite3.Connection) -> None:
        """Before a project is created or imported: refuse beyond the store's rate, and
        remove abandoned empty projects (partnership.limits)."""
        now = _now()
        recent = conn.execute("select count(*) from links where role = 'owner' and created_at > ?",
                              ((now - timedelta(minutes=1)).isoformat(),)).fetchone()[0]
        if recent >= limits.CREATE_PER_MINUTE:
            raise ValidationError("too many new projects in the last minute", code="rate_limited")
        cutoff = (now - timedelta(days=limits.ABANDONED_AFTER_DAYS)).isoformat()
        conn.execute(
            "delete from projects where id in (select q.id from projects q where q.revision = 1 and q.created_at < ?"
            + "".join(f" and not exists (select 1 from {t} x where x.project_id = q.id)"
                      for t in ("fields", "candidates", "people", "tasks", "history"))
            + " and not exists (select 1 from links x where x.project_id = q.id and x.created_at >= ?) limit ?)",
            (cutoff, cutoff, limits.ABANDONED_SWEEP),
        )

    @staticmethod
    def _actor(actor: str) -> str:
        return validation.name(actor, what="actor")

    @staticmethod
    def _row_record(spec: _RecordSpec, row: sqlite3.Row) -> Any:
        data = {k: row[k] for k in row.keys() if k not in ("project_id", "name_norm")}
        for flag in spec.flags:
            data[flag] = bool(data[flag])
        return exchange.record(spec.cls, data)

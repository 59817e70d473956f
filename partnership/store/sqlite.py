"""The embedded SQLite store: the default, and the demo store on Streamlit Community Cloud.

One connection per thread (sqlite3 connections are not thread-safe), WAL mode so that
readers never wait for the writer, every write in a ``BEGIN IMMEDIATE`` transaction so
that compare-and-set, the revision bump and the history entry land together or not at
all. The schema is versioned with ``PRAGMA user_version``.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from partnership import agreement, exchange, limits, validation
from partnership.errors import (
    Conflict,
    Current,
    Forbidden,
    InvalidLink,
    StorageError,
    ValidationError,
)
from partnership.model import (
    Access,
    AgreementVersion,
    Approval,
    Candidate,
    CandidateStatus,
    FieldValue,
    HealthCheck,
    HistoryEntry,
    Person,
    Presence,
    Project,
    Role,
    Side,
    Snapshot,
    Task,
)
from partnership.steps import (
    AGREEMENT_TASK_KINDS,
    FIELD_BY_KEY,
    INTERNAL_KEYS,
    MAX_NAME,
    TOP_PRIORITIES,
    TRACKING_TASK_FIELDS,
    editing_visible_to,
)
from partnership.store import seal
from partnership.store.base import (
    LIVE_BATCH,
    PRESENCE_TTL_S,
    Beat,
    Store,
    field_scope,
    hash_token,
    live_digests,
    new_token,
)

SCHEMA_VERSION = 2

UPGRADES = {
    # 2: partner and viewer tokens kept sealed under the owner's key; a link's first opening.
    2: ("alter table links add column sealed text", "alter table links add column opened_at text"),
}
"""Statements that bring a file from the version before up to the key's version."""

LIVE_BUSY_MS = 200
"""How long the live checks wait for a busy database before skipping a round."""

SCHEMA = (resources.files("partnership.store") / "sqlite_schema.sql").read_text(encoding="utf-8")


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


_LIMIT_INDEXES = (
    # For the creation rate and the sweep of abandoned projects (partnership.limits).
    "create index if not exists links_created on links(created_at)",
    "create index if not exists projects_untouched on projects(created_at) where revision = 1",
)


def _now() -> datetime:
    return datetime.now(UTC)


def _q(column: str) -> str:
    return f'"{column}"'


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


class SQLiteStore(Store):
    """The Store contract on a SQLite file (created with its folder if missing)."""

    backend = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._migrate()

    # -- plumbing -----------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(self.path, isolation_level=None, timeout=limits.BUSY_TIMEOUT_S)
                conn.row_factory = sqlite3.Row
                conn.execute("pragma journal_mode=wal")
                conn.execute(f"pragma journal_size_limit={limits.JOURNAL_SIZE_LIMIT}")
                conn.execute("pragma foreign_keys=on")
                conn.execute("pragma synchronous=normal")
            except sqlite3.Error as exc:
                raise StorageError(f"cannot open {self.path}: {exc}") from exc
            self._local.conn = conn
        return conn

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
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
        conn = self._conn()
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
        conn = self._conn()
        conn.execute(f"pragma busy_timeout = {LIVE_BUSY_MS}")
        try:
            yield
        finally:
            conn.execute(f"pragma busy_timeout = {int(limits.BUSY_TIMEOUT_S * 1000)}")

    def _migrate(self) -> None:
        with self._write() as conn:
            current = conn.execute("pragma user_version").fetchone()[0]
            if current > SCHEMA_VERSION:
                raise StorageError(f"{self.path} has schema {current}, newer than this app ({SCHEMA_VERSION})")
            if current == 0:
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                current = 1
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for statement in UPGRADES[version]:
                    conn.execute(statement)
            conn.execute(f"pragma user_version = {SCHEMA_VERSION}")
            for statement in _LIMIT_INDEXES:
                conn.execute(statement)

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

    # -- projects and links -------------------------------------------------------------

    def create_project(self, title: str, our_org: str, creator: str) -> tuple[Access, dict[str, str]]:
        title = validation.name(title, what="project.title")
        our_org = validation.name(our_org, what="project.our_org")
        creator = self._actor(creator)
        project_id = uuid.uuid4().hex
        tokens = {role.value: new_token() for role in Role}
        with self._write() as conn:
            self._on_new_project(conn)
            self._insert_project(conn, project_id, title, our_org, "", "", creator, _now(), 1)
            self._insert_links(conn, project_id, tokens, tokens["owner"])
        return Access(project_id, Role.OWNER, tokens["owner"]), tokens

    @staticmethod
    def _insert_project(
        conn: sqlite3.Connection, project_id: str, title: str, our_org: str, partner_org: str, website: str,
        creator: str, created_at: datetime, version: int,
    ) -> None:
        conn.execute(
            "insert into projects (id, title, our_org, partner_org, website, created_by, created_at, version)"
            " values (?,?,?,?,?,?,?,?)",
            (project_id, title, our_org, partner_org, website, creator, created_at.isoformat(), version),
        )

    @staticmethod
    def _insert_links(conn: sqlite3.Connection, project_id: str, tokens: Mapping[str, str], owner_token: str) -> None:
        """New live links; a partner's or viewer's is also kept sealed under the owner's key."""
        for role, token in tokens.items():
            sealed = None if role == Role.OWNER.value else seal.seal(owner_token, project_id, role, token)
            conn.execute(
                "insert into links (token_hash, project_id, role, created_at, sealed) values (?,?,?,?,?)",
                (hash_token(token), project_id, role, _now().isoformat(), sealed),
            )

    def open(self, token: str) -> Access:
        digest = hash_token(token)
        with self._read() as conn:
            row = conn.execute(
                "select project_id, role from links where token_hash = ? and revoked_at is null", (digest,)
            ).fetchone()
        if row is None:
            raise InvalidLink("unknown or revoked link")
        return Access(row["project_id"], Role(row["role"]), token)

    def rotate_link(self, access: Access, role: Role) -> str:
        role = validation.choice(role, Role, what="role")
        token = new_token()
        with self._write() as conn:
            self._check(conn, access, Role.OWNER)
            conn.execute(
                "update links set revoked_at = ? where project_id = ? and role = ? and revoked_at is null",
                (_now().isoformat(), access.project_id, role.value),
            )
            owner_token = token if role is Role.OWNER else access.token
            if role is Role.OWNER:
                self._reseal(conn, access, token)
            self._insert_links(conn, access.project_id, {role.value: token}, owner_token)
            self._bump(conn, access.project_id)
        return token

    @staticmethod
    def _live_links(conn: sqlite3.Connection, project_id: str) -> list[sqlite3.Row]:
        return conn.execute(
            "select token_hash, role, sealed, opened_at from links where project_id = ? and revoked_at is null",
            (project_id,),
        ).fetchall()

    def _reseal(self, conn: sqlite3.Connection, access: Access, new_owner: str) -> None:
        """Seal the live partner and viewer tokens again under the new owner's key."""
        for row in self._live_links(conn, access.project_id):
            if row["role"] == Role.OWNER.value:
                continue
            token = seal.unseal(access.token, access.project_id, row["role"], row["token_hash"], row["sealed"])
            conn.execute("update links set sealed = ? where token_hash = ?",
                         (token and seal.seal(new_owner, access.project_id, row["role"], token),
                          row["token_hash"]))

    def links(self, access: Access) -> dict[Role, str | None]:
        with self._read() as conn:
            self._check(conn, access, Role.OWNER)
            rows = self._live_links(conn, access.project_id)
        found: dict[Role, str | None] = {role: None for role in Role}
        for row in rows:
            found[Role(row["role"])] = seal.unseal(access.token, access.project_id, row["role"],
                                                   row["token_hash"], row["sealed"])
        found[Role.OWNER] = access.token
        return found

    def opened(self, access: Access) -> set[Role]:
        with self._read() as conn:
            self._check(conn, access, Role.OWNER)
            rows = self._live_links(conn, access.project_id)
        return {Role(row["role"]) for row in rows if row["opened_at"]}

    def mark_opened(self, access: Access) -> None:
        with self._write() as conn:
            self._check(conn, access)
            first = conn.execute("update links set opened_at = ? where token_hash = ? and opened_at is null",
                                 (_now().isoformat(), hash_token(access.token))).rowcount
            if first:
                self._bump(conn, access.project_id)

    def update_project(
        self, access: Access, changes: Mapping[str, str], expected_version: int, actor: str
    ) -> int:
        allowed = {"title", "our_org", "partner_org", "website"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValidationError(f"unknown {sorted(unknown)}", code="unknown_field", what=", ".join(sorted(unknown)))
        clean = {
            k: (validation.name(v, what=f"project.{k}") if k in ("title", "our_org")
                else validation.text(v, what=f"project.{k}", limit=MAX_NAME).strip())
            for k, v in changes.items()
        }
        actor = self._actor(actor)
        with self._write() as conn:
            project = self._check(conn, access, Role.OWNER)
            if project.version != expected_version:
                last = conn.execute(
                    "select actor, at from history where project_id = ? and entity = 'project'"
                    " order by id desc limit 1",
                    (access.project_id,),
                ).fetchone()
                raise Conflict(current=Current(exchange.content(project), project.version,
                                               last["actor"] if last else project.created_by,
                                               datetime.fromisoformat(last["at"]) if last else project.created_at))
            old = exchange.content(project)
            sets = ", ".join(f"{k} = ?" for k in clean)
            conn.execute(
                f"update projects set {sets}, version = version + 1 where id = ?",  # noqa: S608 - fixed names
                (*clean.values(), access.project_id),
            )
            new = {**old, **clean}
            self._log(conn, access, actor, "project", access.project_id, json.dumps(old, ensure_ascii=False),
                      json.dumps(new, ensure_ascii=False), project.version + 1, joint=True, at=_now())
        return project.version + 1

    def delete_project(self, access: Access) -> None:
        with self._write() as conn:
            self._check(conn, access, Role.OWNER)
            conn.execute("delete from projects where id = ?", (access.project_id,))
            self._after_commit(access.project_id, None)

    # -- reading ------------------------------------------------------------------------

    def revision(self, access: Access) -> int:
        with self._read() as conn:
            return int(self._link_row(conn, access)["revision"])

    def snapshot(self, access: Access) -> Snapshot:
        with self._read() as conn:
            project = self._check(conn, access)
            pid = access.project_id
            revision = conn.execute("select revision from projects where id = ?", (pid,)).fetchone()[0]
            owner = access.role.sees_internal
            fields: dict[str, FieldValue] = {}
            invitation = ""
            for row in conn.execute("select * from fields where project_id = ?", (pid,)):
                fv = FieldValue(row["key"], row["value"], row["version"], row["updated_by"],
                                datetime.fromisoformat(row["updated_at"]))
                if row["key"] == "s1_idea":
                    invitation = fv.value
                if owner or row["key"] not in INTERNAL_KEYS:
                    fields[fv.key] = fv
            candidates = (
                [self._row_record(_SPECS["candidate"], r) for r in conn.execute(
                    "select * from candidates where project_id = ? order by position", (pid,))]
                if owner else []
            )
            people = [self._row_record(_SPECS["person"], r) for r in conn.execute(
                "select * from people where project_id = ? order by side, name collate nocase", (pid,))]
            tasks = [
                self._row_record(_SPECS["task"], r) for r in conn.execute(
                    "select * from tasks where project_id = ? and (? or internal = 0)"
                    " order by coalesce(start, due, '9999'), due, title", (pid, owner))
            ]
            approvals = [exchange.record(Approval, {k: r[k] for k in r.keys() if k != "project_id"})
                         for r in conn.execute(
                             "select * from approvals where project_id = ? order by approved_at", (pid,))]
            versions = [exchange.record(AgreementVersion, {k: r[k] for k in r.keys() if k != "project_id"})
                        for r in conn.execute(
                            "select * from agreement_versions where project_id = ? order by signed_at", (pid,))]
            checks = [
                exchange.record(HealthCheck, {**{k: r[k] for k in r.keys() if k not in ("project_id", "answers")},
                                              "answers": json.loads(r["answers"])})
                for r in conn.execute("select * from health_checks where project_id = ? order by at", (pid,))
            ]
        return Snapshot(
            project=project, role=access.role, revision=revision, fields=fields, candidates=candidates,
            people=people, tasks=tasks, approvals=approvals, signed_versions=versions, health_checks=checks,
            invitation=invitation if access.role is not Role.VIEWER else "",
        )

    @staticmethod
    def _row_record(spec: _RecordSpec, row: sqlite3.Row) -> Any:
        data = {k: row[k] for k in row.keys() if k not in ("project_id", "name_norm")}
        for flag in spec.flags:
            data[flag] = bool(data[flag])
        return exchange.record(spec.cls, data)

    def history(self, access: Access, limit: int = 1000) -> list[HistoryEntry]:
        with self._read() as conn:
            project = self._check(conn, access)
            rows = conn.execute(
                "select * from history where project_id = ? and (? or joint = 1) order by id desc limit ?",
                (access.project_id, access.role.sees_internal, limit),
            ).fetchall()
        entries = [exchange.record(HistoryEntry, {k: r[k] for k in r.keys() if k not in ("project_id", "joint")})
                   for r in rows]
        if access.role.sees_internal:
            return entries
        hide = exchange.hide_earlier_partner_org
        return [replace(e, old=hide(e.old, project.partner_org), new=hide(e.new, project.partner_org))
                if e.entity == "project" else e for e in entries]

    # -- fields -------------------------------------------------------------------------

    def set_field(self, access: Access, key: str, value: str, expected_version: int, actor: str) -> int:
        validation.field_key(key)
        value = validation.text(value, what=key)
        actor = self._actor(actor)
        internal = FIELD_BY_KEY[key].internal
        with self._write() as conn:
            project = self._check(conn, access, *((Role.OWNER,) if internal else (Role.OWNER, Role.PARTNER)))
            if not internal and project.signed_at is not None:
                raise Forbidden("the agreement is signed", code="signed")
            return self._write_field(conn, access, key, value, expected_version, actor)

    def _write_field(
        self, conn: sqlite3.Connection, access: Access, key: str, value: str, expected_version: int, actor: str
    ) -> int:
        row = conn.execute(
            "select * from fields where project_id = ? and key = ?", (access.project_id, key)
        ).fetchone()
        version = row["version"] if row else 0
        if version != expected_version:
            raise Conflict(current=Current(row["value"], version, row["updated_by"],
                                           datetime.fromisoformat(row["updated_at"]))
                           if row else Current("", 0, "", None))
        at = _now()
        conn.execute(
            "insert into fields (project_id, key, value, version, updated_by, updated_at) values (?,?,?,?,?,?)"
            " on conflict (project_id, key) do update set value = excluded.value, version = excluded.version,"
            " updated_by = excluded.updated_by, updated_at = excluded.updated_at",
            (access.project_id, key, value, version + 1, actor, at.isoformat()),
        )
        old = row["value"] if row else ""
        self._log(conn, access, actor, "field", key, old, value, version + 1,
                  joint=key not in INTERNAL_KEYS, at=at, scope=field_scope(key, old, value))
        return int(version + 1)

    # -- structured records -------------------------------------------------------------

    def _get(self, conn: sqlite3.Connection, spec: _RecordSpec, access: Access, record_id: str) -> Any:
        row = conn.execute(
            f"select * from {spec.table} where project_id = ? and id = ?",  # noqa: S608 - fixed names
            (access.project_id, record_id),
        ).fetchone()
        if row is None:
            raise ValidationError(f"no such {spec.entity}", code="not_found", what=spec.entity)
        return self._row_record(spec, row)

    def _insert(
        self, conn: sqlite3.Connection, spec: _RecordSpec, access: Access, rec: Any, actor: str, *, joint: bool,
        log: bool = True,
    ) -> None:
        data = exchange.plain(rec)
        cols = ["project_id", *data.keys()]
        values = [access.project_id, *data.values()]
        if spec.entity == "candidate":
            cols.append("name_norm")
            values.append(rec.name.casefold())
        if log:  # an import checks its counts up front
            self._cap(conn, spec.table, access.project_id)
        try:
            conn.execute(
                f"insert into {spec.table} ({', '.join(map(_q, cols))}) values ({', '.join('?' * len(cols))})",  # noqa: S608
                values,
            )
        except sqlite3.IntegrityError as exc:
            if spec.entity == "candidate":
                raise ValidationError("duplicate candidate", code="duplicate_candidate", name=rec.name) from exc
            raise
        if log:
            self._log(conn, access, actor, spec.entity, rec.id, "", exchange.content_json(rec), rec.version,
                      joint=joint, at=rec.updated_at)

    def _update(
        self, conn: sqlite3.Connection, spec: _RecordSpec, access: Access, current: Any, clean: Mapping[str, Any],
        expected_version: int, actor: str, *, joint: bool,
    ) -> int:
        if current.version != expected_version:
            raise Conflict(current=Current(exchange.content(current), current.version, current.updated_by,
                                           current.updated_at))
        at = _now()
        data = exchange.plain(dict(clean))
        sets = [f"{_q(k)} = ?" for k in data]
        values = list(data.values())
        if spec.entity == "candidate" and "name" in clean:
            sets.append("name_norm = ?")
            values.append(clean["name"].casefold())
        try:
            conn.execute(
                f"update {spec.table} set {', '.join(sets)}{', ' if sets else ''}"  # noqa: S608 - fixed names
                "version = version + 1, updated_by = ?, updated_at = ? where project_id = ? and id = ?",
                (*values, actor, at.isoformat(), access.project_id, current.id),
            )
        except sqlite3.IntegrityError as exc:
            if spec.entity == "candidate":
                raise ValidationError("duplicate candidate", code="duplicate_candidate",
                                      name=clean.get("name", "")) from exc
            raise
        new = self._get(conn, spec, access, current.id)
        self._log(conn, access, actor, spec.entity, current.id, exchange.content_json(current),
                  exchange.content_json(new), new.version, joint=joint, at=at)
        return int(new.version)

    def add_candidate(self, access: Access, name: str, actor: str) -> Candidate:
        clean = validation.candidate_changes({"name": name})
        actor = self._actor(actor)
        with self._write() as conn:
            self._check(conn, access, Role.OWNER)
            position = conn.execute(
                "select coalesce(max(position), 0) + 1 from candidates where project_id = ?", (access.project_id,)
            ).fetchone()[0]
            cand = Candidate(uuid.uuid4().hex, clean["name"], position, updated_by=actor, updated_at=_now())
            self._insert(conn, _SPECS["candidate"], access, cand, actor, joint=False)
        return cand

    def update_candidate(
        self, access: Access, candidate_id: str, changes: Mapping[str, Any], expected_version: int, actor: str
    ) -> int:
        clean = validation.candidate_changes(changes)
        actor = self._actor(actor)
        spec = _SPECS["candidate"]
        with self._write() as conn:
            self._check(conn, access, Role.OWNER)
            current = self._get(conn, spec, access, candidate_id)
            moving = clean.get("priority") is not None and clean["priority"] != current.priority
            if moving and current.version == expected_version:
                self._free_priority(conn, access, clean["priority"], candidate_id, actor)
            return self._update(conn, spec, access, current, clean, expected_version, actor, joint=False)

    def _free_priority(self, conn: sqlite3.Connection, access: Access, priority: int, keep: str, actor: str) -> None:
        spec = _SPECS["candidate"]
        row = conn.execute(
            "select id from candidates where project_id = ? and priority = ? and id != ?",
            (access.project_id, priority, keep),
        ).fetchone()
        if row is not None:
            holder = self._get(conn, spec, access, row["id"])
            self._update(conn, spec, access, holder, {"priority": None}, holder.version, actor, joint=False)

    def record_refusal(
        self, access: Access, candidate_id: str, expected_version: int, actor: str,
        email: str | None = None, email_version: int = 0,
    ) -> Candidate | None:
        actor = self._actor(actor)
        if email is not None:
            email = validation.text(email, what="s3_email")
        spec = _SPECS["candidate"]
        with self._write() as conn:
            self._check(conn, access, Role.OWNER)
            current = self._get(conn, spec, access, candidate_id)
            self._update(conn, spec, access, current, {"status": CandidateStatus.REFUSED, "priority": None},
                         expected_version, actor, joint=False)
            ranked = [
                self._get(conn, spec, access, r["id"]) for r in conn.execute(
                    "select id from candidates where project_id = ? and status = 'active'"
                    " and priority is not null order by priority", (access.project_id,))
            ]
            for place, cand in enumerate(ranked, start=1):
                if cand.priority != place and place <= TOP_PRIORITIES:
                    self._update(conn, spec, access, cand, {"priority": place}, cand.version, actor, joint=False)
            if email is not None:
                self._write_field(conn, access, "s3_email", email, email_version, actor)
            return self._get(conn, spec, access, ranked[0].id) if ranked else None

    def add_person(self, access: Access, fields: Mapping[str, Any], actor: str) -> Person:
        clean = validation.person_changes(fields)
        if "name" not in clean or "side" not in clean:
            raise ValidationError("name and side are required", code="required", what="person.name")
        actor = self._actor(actor)
        with self._write() as conn:
            self._check(conn, access, Role.OWNER, Role.PARTNER)
            self._person_rule(conn, access, clean["side"])
            person = Person(uuid.uuid4().hex, **clean, updated_by=actor, updated_at=_now())
            self._insert(conn, _SPECS["person"], access, person, actor, joint=True)
        return person

    def update_person(
        self, access: Access, person_id: str, changes: Mapping[str, Any], expected_version: int, actor: str
    ) -> int:
        clean = validation.person_changes(changes)
        actor = self._actor(actor)
        spec = _SPECS["person"]
        with self._write() as conn:
            self._check(conn, access, Role.OWNER, Role.PARTNER)
            current = self._get(conn, spec, access, person_id)
            self._person_rule(conn, access, current.side)
            self._person_rule(conn, access, clean.get("side", current.side))
            return self._update(conn, spec, access, current, clean, expected_version, actor, joint=True)

    def _person_rule(self, conn: sqlite3.Connection, access: Access, side: Side) -> None:
        if access.role is Role.PARTNER and side is not Side.PARTNER:
            raise Forbidden("the partner edits only its own people", code="forbidden")
        project = self._project(conn.execute("select * from projects where id = ?", (access.project_id,)).fetchone())
        if project.signed_at is not None:
            raise Forbidden("the agreement is signed", code="signed")

    def add_task(self, access: Access, fields: Mapping[str, Any], actor: str) -> Task:
        clean = validation.task_changes(fields)
        if "title" not in clean:
            raise ValidationError("title is required", code="required", what="task.title")
        validation.task_dates(clean.get("start"), clean.get("due"))
        actor = self._actor(actor)
        with self._write() as conn:
            project = self._check(conn, access, Role.OWNER, Role.PARTNER)
            task = Task(uuid.uuid4().hex, **clean, updated_by=actor, updated_at=_now())
            self._task_rule(access, project, task, set(clean))
            self._responsible_exists(conn, access, task.responsible)
            self._insert(conn, _SPECS["task"], access, task, actor, joint=not task.internal)
        return task

    def update_task(
        self, access: Access, task_id: str, changes: Mapping[str, Any], expected_version: int, actor: str
    ) -> int:
        clean = validation.task_changes(changes)
        actor = self._actor(actor)
        spec = _SPECS["task"]
        with self._write() as conn:
            project = self._check(conn, access, Role.OWNER, Role.PARTNER)
            current = self._get(conn, spec, access, task_id)
            self._task_rule(access, project, current, set(clean))
            after = {**exchange.content(current), **exchange.plain(dict(clean))}
            self._task_rule(access, project, exchange.record(Task, {"id": current.id, **after}), set(clean))
            validation.task_dates(validation.a_date(after["start"], what="start"),
                                  validation.a_date(after["due"], what="due"))
            if "responsible" in clean:
                self._responsible_exists(conn, access, clean["responsible"])
            return self._update(conn, spec, access, current, clean, expected_version, actor,
                                joint=not (current.internal or after["internal"]))

    @staticmethod
    def _task_rule(access: Access, project: Project, task: Task, changing: set[str]) -> None:
        if task.internal and access.role is not Role.OWNER:
            raise Forbidden("internal tasks are the association's own", code="forbidden")
        if (project.signed_at is not None and task.kind.value in AGREEMENT_TASK_KINDS
                and not changing <= TRACKING_TASK_FIELDS):
            raise Forbidden("the agreement is signed", code="signed")

    @staticmethod
    def _responsible_exists(conn: sqlite3.Connection, access: Access, person_id: str) -> None:
        if person_id and conn.execute(
            "select 1 from people where project_id = ? and id = ?", (access.project_id, person_id)
        ).fetchone() is None:
            raise ValidationError("no such person", code="not_found", what="task.responsible")

    def restore(self, access: Access, entry_id: int, expected_version: int, actor: str) -> int:
        with self._read() as conn:
            self._check(conn, access)
            row = conn.execute(
                "select * from history where project_id = ? and id = ? and (? or joint = 1)",
                (access.project_id, entry_id, access.role.sees_internal),
            ).fetchone()
        if row is None:
            raise ValidationError("no such history entry", code="not_found", what="history")
        entity, target, new = row["entity"], row["target"], row["new"]
        if entity == "field":
            return self.set_field(access, target, new, expected_version, actor)
        if entity in _SPECS and new:
            values = json.loads(new)
            values.pop("position", None)
            update = {"candidate": self.update_candidate, "person": self.update_person,
                      "task": self.update_task}[entity]
            return update(access, target, values, expected_version, actor)
        raise ValidationError("this change cannot be restored", code="not_restorable", what=entity)

    # -- agreement ----------------------------------------------------------------------

    def approve(self, access: Access, name: str, content_hash: str, markdown: str, actor: str) -> Approval:
        name = validation.name(name, what="approval.name")
        actor = self._actor(actor)
        if agreement.content_hash(markdown) != content_hash:
            raise ValidationError("the agreement changed meanwhile", code="stale_agreement", what="agreement")
        with self._write() as conn:
            project = self._check(conn, access, Role.OWNER, Role.PARTNER)
            if project.signed_at is not None:
                raise Forbidden("the agreement is signed", code="signed")
            side = access.role.side
            assert side is not None
            latest = {r["side"]: r["content_hash"] for r in conn.execute(
                "select side, content_hash from approvals where project_id = ? order by approved_at",
                (access.project_id,))}
            if latest.get(side.value) == content_hash:
                raise ValidationError("already approved", code="already_approved", what="approval")
            at = _now()
            approval = Approval(uuid.uuid4().hex, side, name, content_hash, at)
            conn.execute(
                "insert into approvals (project_id, id, side, name, content_hash, approved_at) values (?,?,?,?,?,?)",
                (access.project_id, approval.id, side.value, name, content_hash, at.isoformat()),
            )
            self._log(conn, access, actor, "approval", approval.id, "", exchange.content_json(approval), 1,
                      joint=True, at=at)
            latest[side.value] = content_hash
            if all(latest.get(s.value) == content_hash for s in Side):
                conn.execute("update projects set signed_at = ?, signed_hash = ? where id = ?",
                             (at.isoformat(), content_hash, access.project_id))
                conn.execute(
                    "insert into agreement_versions (project_id, id, content_hash, markdown, signed_at)"
                    " values (?,?,?,?,?)",
                    (access.project_id, uuid.uuid4().hex, content_hash, markdown, at.isoformat()),
                )
        return approval

    def reopen(self, access: Access, actor: str) -> int:
        actor = self._actor(actor)
        with self._write() as conn:
            project = self._check(conn, access, Role.OWNER, Role.PARTNER)
            if project.signed_at is None:
                raise ValidationError("the agreement is not signed", code="not_signed", what="agreement")
            conn.execute("update projects set signed_at = null, signed_hash = '' where id = ?", (access.project_id,))
            conn.execute("delete from approvals where project_id = ?", (access.project_id,))
            self._log(conn, access, actor, "agreement", "reopen", project.signed_hash, "", 1, joint=True, at=_now())
            return int(conn.execute("select revision from projects where id = ?",
                                    (access.project_id,)).fetchone()[0])

    # -- follow-up ----------------------------------------------------------------------

    def add_health_check(
        self, access: Access, name: str, answers: Mapping[str, tuple[str, str]], actor: str
    ) -> HealthCheck:
        from partnership.health import validate_answers

        name = validation.name(name, what="health.name")
        clean = validate_answers(answers)
        actor = self._actor(actor)
        with self._write() as conn:
            self._check(conn, access, Role.OWNER, Role.PARTNER)
            side = access.role.side
            assert side is not None
            self._cap(conn, "health_checks", access.project_id)
            check = HealthCheck(uuid.uuid4().hex, side, name, _now(), clean)
            conn.execute(
                "insert into health_checks (project_id, id, side, name, at, answers) values (?,?,?,?,?,?)",
                (access.project_id, check.id, side.value, name, check.at.isoformat(),
                 json.dumps(clean, ensure_ascii=False)),
            )
            self._log(conn, access, actor, "health", check.id, "", exchange.content_json(check), 1,
                      joint=True, at=check.at)
        return check

    # -- presence -----------------------------------------------------------------------

    def heartbeat(self, access: Access, session_id: str, name: str, editing: str) -> tuple[int, list[Presence]]:
        session_id, name, editing = self._beat(session_id, name, editing)
        now = time.time()
        try:
            with self._write() as conn:
                row = self._link_row(conn, access)
                self._here(conn, access.project_id, session_id, name, access.role.value, editing, now)
                self._forget_gone(conn, now)
                return int(row["revision"]), self._others(conn, access, session_id, now)
        except StorageError:
            # Presence is a courtesy: when it cannot be written (a full disk, a lock held
            # too long) the page still learns the revision and who else is here.
            with self._read() as conn:
                row = self._link_row(conn, access)
                return int(row["revision"]), self._others(conn, access, session_id, now)

    @staticmethod
    def _beat(session_id: str, name: str, editing: str) -> tuple[str, str, str]:
        """A heartbeat's session, name and editor key, checked."""
        return (validation.text(session_id, what="session", limit=64, required=True),
                validation.text(name, what="name", limit=MAX_NAME),
                validation.text(editing, what="editing", limit=64))

    @staticmethod
    def _here(conn: sqlite3.Connection, project_id: str, session_id: str, name: str, role: str, editing: str,
              now: float) -> None:
        """This session is present now (and editing ``editing``)."""
        conn.execute(
            "insert into presence (project_id, session_id, name, role, editing, seen) values (?,?,?,?,?,?)"
            " on conflict (project_id, session_id) do update set name = excluded.name,"
            " role = excluded.role, editing = excluded.editing, seen = excluded.seen",
            (project_id, session_id, name, role, editing, now),
        )

    @staticmethod
    def _forget_gone(conn: sqlite3.Connection, now: float) -> None:
        conn.execute("delete from presence where seen < ?", (now - PRESENCE_TTL_S * 4,))

    @staticmethod
    def _present(conn: sqlite3.Connection, project_id: str, now: float) -> list[Presence]:
        """Everyone present in the project (raw: the editing keys as stored)."""
        return [
            Presence(r["session_id"], r["name"], Role(r["role"]), r["editing"])
            for r in conn.execute(
                "select * from presence where project_id = ? and seen >= ? order by name, session_id",
                (project_id, now - PRESENCE_TTL_S),
            )
        ]

    def _others(self, conn: sqlite3.Connection, access: Access, session_id: str, now: float) -> list[Presence]:
        """Everyone else present, as ``access``'s role may see them."""
        return [replace(p, editing=editing_visible_to(access.role, p.editing))
                for p in self._present(conn, access.project_id, now) if p.session_id != session_id]

    # -- live -----------------------------------------------------------------------------

    @staticmethod
    def _watched_links(conn: sqlite3.Connection, digests: Collection[str]) -> list[sqlite3.Row]:
        marks = ",".join("?" * len(digests))
        return conn.execute(
            "select l.token_hash, l.project_id, l.role, p.revision from links l join projects p"
            f" on p.id = l.project_id where l.revoked_at is null and l.token_hash in ({marks})",  # noqa: S608
            tuple(digests),
        ).fetchall()

    def revisions(self, tokens: Collection[str]) -> dict[str, int]:
        digests = live_digests(tokens)
        if not digests:
            return {}
        with self._quick(), self._read() as conn:
            rows = self._watched_links(conn, digests)
        return {digests[r["token_hash"]]: int(r["revision"]) for r in rows}

    def heartbeats(self, beats: Sequence[Beat]) -> dict[str, list[Presence]]:
        clean: list[Beat] = []
        for token, session_id, name, editing in list(beats)[:LIVE_BATCH]:
            try:
                clean.append((token, *self._beat(session_id, name, editing)))
            except ValidationError:
                continue
        digests = live_digests([b[0] for b in clean])
        if not digests:
            return {}
        now = time.time()
        with self._quick(), self._write() as conn:
            links = {r["token_hash"]: r for r in self._watched_links(conn, digests)}
            hash_of = {t: d for d, t in digests.items()}
            project_of: dict[str, str] = {}
            for token, session_id, name, editing in clean:
                link = links.get(hash_of.get(token, ""))
                if link is None:
                    continue
                project_of[token] = link["project_id"]
                self._here(conn, link["project_id"], session_id, name, link["role"], editing, now)
            self._forget_gone(conn, now)
            present = {project_id: self._present(conn, project_id, now) for project_id in set(project_of.values())}
        return {token: list(present[pid]) for token, pid in project_of.items()}

    # -- exchange -----------------------------------------------------------------------

    def export_project(self, access: Access) -> dict[str, Any]:
        return exchange.to_dict(self.snapshot(access), self.history(access, limit=1_000_000))

    def import_project(self, data: Mapping[str, Any], creator: str) -> tuple[Access, dict[str, str]]:
        parsed = exchange.from_dict(data)
        creator = self._actor(creator)
        parsed = exchange.with_import_marker(parsed, creator, _now())
        snap = parsed.snapshot
        p = snap.project
        validation.name(p.title, what="project.title")
        validation.name(p.our_org, what="project.our_org")
        project_id = uuid.uuid4().hex
        tokens = {role.value: new_token() for role in Role}
        access = Access(project_id, Role.OWNER, tokens["owner"])
        try:
            with self._write() as conn:
                self._on_new_project(conn)
                self._insert_project(conn, project_id, p.title, p.our_org, p.partner_org, p.website,
                                     p.created_by, p.created_at, p.version)
                conn.execute("update projects set signed_at = ?, signed_hash = ? where id = ?",
                             (p.signed_at.isoformat() if p.signed_at else None, p.signed_hash, project_id))
                self._insert_links(conn, project_id, tokens, tokens["owner"])
                self._import_content(conn, access, parsed)
        except sqlite3.IntegrityError as exc:  # pragma: no cover - wrapped by _write
            raise ValidationError(f"inconsistent export: {exc}", code="bad_import", what="data") from exc
        except StorageError as exc:
            if isinstance(exc.__cause__, sqlite3.IntegrityError):
                raise ValidationError(f"inconsistent export: {exc}", code="bad_import", what="data") from exc
            raise
        return access, tokens

    def _import_content(self, conn: sqlite3.Connection, access: Access, parsed: exchange.ProjectData) -> None:
        snap, pid = parsed.snapshot, access.project_id
        for fv in snap.fields.values():
            conn.execute(
                "insert into fields (project_id, key, value, version, updated_by, updated_at) values (?,?,?,?,?,?)",
                (pid, fv.key, fv.value, fv.version, fv.updated_by,
                 (fv.updated_at or snap.project.created_at).isoformat()),
            )
        if snap.invitation and "s1_idea" not in snap.fields:
            # A partner's export holds the idea only as the invitation.
            conn.execute(
                "insert into fields (project_id, key, value, version, updated_by, updated_at) values (?,?,?,?,?,?)",
                (pid, "s1_idea", snap.invitation, 1, snap.project.created_by, snap.project.created_at.isoformat()),
            )
        for table, found in (("candidates", snap.candidates), ("people", snap.people), ("tasks", snap.tasks),
                             ("health_checks", snap.health_checks)):
            self._cap(conn, table, pid, len(found))
        for spec, records in ((_SPECS["candidate"], snap.candidates), (_SPECS["person"], snap.people),
                              (_SPECS["task"], snap.tasks)):
            for rec in records:
                self._insert(conn, spec, access, rec, "", joint=True, log=False)
        for a in snap.approvals:
            conn.execute(
                "insert into approvals (project_id, id, side, name, content_hash, approved_at) values (?,?,?,?,?,?)",
                (pid, a.id, a.side.value, a.name, a.content_hash, a.approved_at.isoformat()),
            )
        for v in snap.signed_versions:
            conn.execute(
                "insert into agreement_versions (project_id, id, content_hash, markdown, signed_at)"
                " values (?,?,?,?,?)", (pid, v.id, v.content_hash, v.markdown, v.signed_at.isoformat()),
            )
        for h in snap.health_checks:
            conn.execute(
                "insert into health_checks (project_id, id, side, name, at, answers) values (?,?,?,?,?,?)",
                (pid, h.id, h.side.value, h.name, h.at.isoformat(), json.dumps(exchange.plain(h.answers),
                                                                                ensure_ascii=False)),
            )
        for e in reversed(parsed.history):
            conn.execute(
                "insert into history (project_id, entity, target, actor, role, at, old, new, version, joint)"
                " values (?,?,?,?,?,?,?,?,?,?)",
                (pid, e.entity, e.target, e.actor, e.role.value, e.at.isoformat(), e.old, e.new, e.version,
                 int(exchange.is_joint_history(e.entity, e.target, e.new, e.old))),
            )
        conn.execute("update projects set revision = ? where id = ?", (len(parsed.history) + 1, pid))

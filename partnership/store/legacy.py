"""Moving the data of rounds 1-2 (the retired SQLite store, data/partnership.db) into the
PostgreSQL engine: every project with its links, records, history, approvals and signed
versions, as they are - this is the operator's own trusted file, not an import - so every
link keeps working and signed agreements stay signed.

``move(path, conninfo)`` copies the rows table by table in one transaction (all or
nothing), as the database's owner (the ``ps_*`` functions are not involved: they would
refuse approvals and signed versions, rightly, from a file a user uploads). Identity
values (history ids, the order of records) are kept and the sequences moved past them.
The old file is only read; it stays where it is. ``only_if_empty``: do nothing when the
engine already holds a project (the move on first start).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

TABLES = ("projects", "links", "fields", "candidates", "people", "tasks", "approvals", "agreement_versions",
          "health_checks", "history")
"""What moves, parents first (presence and the limits' counters are not worth keeping)."""


class MoveError(Exception):
    """The move cannot be done (the message says why); nothing was copied."""


@dataclass
class Moved:
    """What a move copied: rows per table."""

    rows: Counter[str] = field(default_factory=Counter)

    @property
    def projects(self) -> int:
        return self.rows["projects"]

    def summary(self) -> str:
        return ", ".join(f"{table} {self.rows[table]}" for table in TABLES)


def move(path: str | Path, conninfo: str, *, only_if_empty: bool = False) -> Moved | None:
    """Copy every project of the SQLite file at ``path`` into the database at
    ``conninfo``. None when ``only_if_empty`` and the database already holds projects.
    A project id already in the database is an error (nothing is copied)."""
    source = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    source.row_factory = sqlite3.Row
    moved = Moved()
    try:
        with psycopg.connect(conninfo) as target, target.transaction():
            target.execute("lock table partnership_private.projects in exclusive mode")
            if only_if_empty and target.execute("select 1 from partnership_private.projects limit 1").fetchone():
                return None
            for table in TABLES:
                moved.rows[table] = _copy(source, target, table)
            for table in TABLES:
                _move_sequences(target, table)
    except sqlite3.Error as exc:
        raise MoveError(f"the old file cannot be read: {exc}") from exc
    except psycopg.errors.UniqueViolation as exc:
        raise MoveError("the database already holds a project of the old file; nothing was moved") from exc
    except psycopg.Error as exc:
        raise MoveError(f"the database refused the old data, nothing was moved: {exc}") from exc
    finally:
        source.close()
    return moved


def _columns(target: psycopg.Connection[Any], table: str) -> dict[str, tuple[str, bool]]:
    """The target table's columns: name -> (data type, is an identity)."""
    rows = target.execute(
        "select column_name, data_type, is_identity = 'YES' from information_schema.columns "
        "where table_schema = 'partnership_private' and table_name = %s", (table,)).fetchall()
    return {name: (kind, identity) for name, kind, identity in rows}


def _copy(source: sqlite3.Connection, target: psycopg.Connection[Any], table: str) -> int:
    have = [row[1] for row in source.execute(f"pragma table_info({table})")]  # noqa: S608 - our own names
    if not have:
        return 0
    wanted = _columns(target, table)
    names = [n for n in have if n in wanted and n != "seq"]
    order = "id" if table == "history" else "rowid"
    rows = source.execute(f'select {", ".join(chr(34) + n + chr(34) for n in names)} from {table} '  # noqa: S608
                          f"order by {order}").fetchall()
    if not rows:
        return 0
    overriding = sql.SQL(" overriding system value") if any(wanted[n][1] for n in names) else sql.SQL("")
    statement = sql.SQL("insert into partnership_private.{} ({}){} values ({})").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, names)), overriding,
        sql.SQL(", ").join(sql.Placeholder() * len(names)))
    with target.cursor() as cur:
        cur.executemany(statement, [tuple(_value(table, n, wanted[n][0], row[n]) for n in names) for row in rows])
    return len(rows)


def _value(table: str, name: str, kind: str, value: Any) -> Any:
    """A SQLite value as the PostgreSQL column takes it."""
    if value is None:
        return None
    if kind == "boolean":
        return bool(value)
    if kind == "jsonb":
        data = json.loads(value) if isinstance(value, str) else value
        if table == "health_checks" and name == "answers" and isinstance(data, dict):
            # SQLite kept {statement: [rating, comment]}; PostgreSQL keeps the order in an array
            data = [[key, *(pair if isinstance(pair, list) else [pair, ""])] for key, pair in data.items()]
        return Jsonb(data)
    return value


def _move_sequences(target: psycopg.Connection[Any], table: str) -> None:
    """Move each identity sequence past the ids just copied."""
    for name, (_kind, identity) in _columns(target, table).items():
        if identity:
            target.execute(sql.SQL(
                "select setval(pg_get_serial_sequence({}, {}), greatest(coalesce(max({}), 0), 1)) "
                "from partnership_private.{}").format(
                sql.Literal(f"partnership_private.{table}"), sql.Literal(name), sql.Identifier(name),
                sql.Identifier(table)))

"""The embedded store's schema: numbered steps, each applied once and in order.

A file's version is ``PRAGMA user_version``. Each step runs in its own ``BEGIN
IMMEDIATE`` transaction together with the version it reaches, so a crash or an error
halfway leaves the file at the version before, whole; the next opening tries again. A
new file and an old one go through the same steps. Steps are never edited once shipped
(files out there have them); a change to the schema is a new step at the end.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

from partnership.errors import StorageError
from partnership.store.sqlite.connection import _end, _storage_error


def _sql(name: str) -> str:
    return (resources.files("partnership.store.sqlite") / name).read_text(encoding="utf-8")


def statements(script: str) -> list[str]:
    """The statements of a SQL script, each whole (``sqlite3.complete_statement`` decides
    where one ends, so a ``;`` inside a string or a comment does not split it)."""
    found: list[str] = []
    part: list[str] = []
    for line in script.splitlines():
        if not part and (not line.strip() or line.lstrip().startswith("--")):
            continue
        part.append(line)
        if sqlite3.complete_statement("\n".join(part)):
            found.append("\n".join(part).strip())
            part = []
    if part:
        raise ValueError(f"incomplete SQL statement: {' '.join(part)[:80]}")
    return found


def _script(conn: sqlite3.Connection, script: str) -> None:
    for statement in statements(script):
        conn.execute(statement)


_CREATE_TABLE = re.compile(r"create table (\w+) \(", re.IGNORECASE)


def _rebuild(conn: sqlite3.Connection, script: str) -> None:
    """Bring every table the script creates to the script's definition, keeping every row.

    SQLite cannot add a CHECK constraint to a table, so each table is made anew under a
    temporary name, filled from the old one, the old one dropped and the new one renamed
    (https://www.sqlite.org/lang_altertable.html#otheralter); statements other than
    ``create table`` (the indexes) run as they are, after the tables. The caller has
    foreign keys off: dropping a parent must not cascade. Rows stored before keep their
    place even where a new constraint would refuse them (as PostgreSQL's ``NOT VALID``):
    the new constraints hold for every later write. An AUTOINCREMENT table keeps its
    counter, so an id is never given twice.
    """
    conn.execute("pragma ignore_check_constraints = on")
    try:
        for statement in statements(script):
            found = _CREATE_TABLE.match(statement)
            if found is None:
                conn.execute(statement)
                continue
            _rebuild_table(conn, found.group(1), statement)
    finally:
        conn.execute("pragma ignore_check_constraints = off")


def _rebuild_table(conn: sqlite3.Connection, table: str, create: str) -> None:
    old = [row[1] for row in conn.execute(f"pragma table_info({table})")]
    if not old:
        conn.execute(create)
        return
    counter = _counter(conn, table)
    temporary = f"{table}__rebuilt"
    conn.execute(_CREATE_TABLE.sub(f"create table {temporary} (", create, count=1))
    columns = ", ".join(f'"{row[1]}"' for row in conn.execute(f"pragma table_info({temporary})") if row[1] in old)
    conn.execute(f"insert into {temporary} ({columns}) select {columns} from {table}")  # noqa: S608 - fixed names
    conn.execute(f"drop table {table}")
    conn.execute(f"alter table {temporary} rename to {table}")
    if counter is not None:
        conn.execute("update sqlite_sequence set seq = max(seq, ?) where name = ?", (counter, table))
        conn.execute("insert into sqlite_sequence (name, seq) select ?, ? where not exists"
                     " (select 1 from sqlite_sequence where name = ?)", (table, counter, table))


def _counter(conn: sqlite3.Connection, table: str) -> int | None:
    """The AUTOINCREMENT counter of ``table`` (None: it has none)."""
    if conn.execute("select 1 from sqlite_master where name = 'sqlite_sequence'").fetchone() is None:
        return None
    row = conn.execute("select seq from sqlite_sequence where name = ?", (table,)).fetchone()
    return None if row is None else int(row[0])


@dataclass(frozen=True)
class Step:
    """What brings a file from ``version - 1`` to ``version``."""

    version: int
    what: str
    apply: Callable[[sqlite3.Connection], None]


SCHEMA = _sql("schema_1.sql")
"""Version 1: the tables as first shipped."""

UPGRADES = {
    # 2: partner and viewer tokens kept sealed under the owner's key; a link's first opening.
    2: ("alter table links add column sealed text", "alter table links add column opened_at text"),
}
"""Statements that bring a file from the version before up to the key's version."""

STEPS: tuple[Step, ...] = (
    Step(1, "the tables", lambda conn: _script(conn, SCHEMA)),
    Step(2, "sealed links and a link's first opening", lambda conn: _script(conn, ";\n".join(UPGRADES[2]) + ";")),
    Step(3, "the CHECK constraints the PostgreSQL tables have; every index in the file",
         lambda conn: _rebuild(conn, _sql("schema_3.sql"))),
)

SCHEMA_VERSION = STEPS[-1].version


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("pragma user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: str, steps: Sequence[Step] = STEPS) -> None:
    """Apply the ``steps`` the file does not have yet, each in one transaction with its
    version number. StorageError if the file is newer than the steps, or a step fails
    (the file then keeps the version before that step)."""
    newest = steps[-1].version
    try:
        if version(conn) > newest:
            raise StorageError(f"{path} has schema {version(conn)}, newer than this app ({newest})")
        conn.execute("pragma foreign_keys = off")  # only outside a transaction; see _rebuild
        try:
            for step in steps:
                _apply(conn, step)
        finally:
            _end(conn, "rollback")
            conn.execute("pragma foreign_keys = on")
    except sqlite3.Error as exc:
        raise _storage_error(f"cannot bring {path} to schema {newest}", exc) from exc


def _apply(conn: sqlite3.Connection, step: Step) -> None:
    conn.execute("begin immediate")
    try:
        current = version(conn)
        if current < step.version:  # another process may have done it meanwhile
            if current != step.version - 1:
                raise StorageError(f"schema {current} cannot take step {step.version}")
            step.apply(conn)
            broken = conn.execute("pragma foreign_key_check").fetchall()
            if broken:
                raise StorageError(f"step {step.version} leaves {len(broken)} rows without their project")
            conn.execute(f"pragma user_version = {step.version}")
        conn.execute("commit")
    except BaseException:
        _end(conn, "rollback")
        raise

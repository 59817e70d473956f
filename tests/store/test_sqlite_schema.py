"""The SQLite schema runner and the CHECK constraints: a new file and an old one reach the
newest version by the same numbered steps, each step whole or not at all, every row kept;
afterwards SQLite itself refuses a row the PostgreSQL tables would refuse."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from partnership.errors import StorageError
from partnership.model import Role
from partnership.store.base import hash_token, new_token
from partnership.store.sqlite import SCHEMA_VERSION, SQLiteStore
from partnership.store.sqlite.schema import STEPS, Step, migrate, statements

AT = "2026-11-01T10:00:00+00:00"
TABLES = ("projects", "links", "fields", "candidates", "people", "tasks", "approvals", "agreement_versions",
          "health_checks", "history", "presence")


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("pragma foreign_keys = on")
    return conn


def _old_file(path: Path, version: int) -> dict[str, str]:
    """A file made by the steps up to ``version`` only, as that app version left it, with
    a row in every table (and a task date the later constraints refuse); its tokens."""
    tokens = {role.value: new_token() for role in Role}
    with closing(_connect(path)) as conn:
        migrate(conn, str(path), STEPS[:version])
        assert conn.execute("pragma user_version").fetchone()[0] == version
        conn.execute("insert into projects (id, title, our_org, created_by, created_at) values"
                     " ('p1', 'Gammel', 'Klubben', 'Anna', ?)", (AT,))
        for role, token in tokens.items():
            conn.execute("insert into links (token_hash, project_id, role, created_at) values (?,?,?,?)",
                         (hash_token(token), "p1", role, AT))
        conn.executescript(f"""
            insert into fields values ('p1', 's1_idea', 'Idé; med semikolon', 1, 'Anna', '{AT}');
            insert into candidates (project_id, id, name, name_norm, position, priority, updated_by, updated_at)
                values ('p1', 'c1', 'Øst', 'øst', 1, 1, 'Anna', '{AT}');
            insert into people (project_id, id, name, side, working_group, updated_by, updated_at)
                values ('p1', 'h1', 'Ole', 'partner', 1, 'Anna', '{AT}');
            insert into tasks (project_id, id, title, kind, side, start, due, status, updated_by, updated_at)
                values ('p1', 't1', 'Møde', 'task', 'association', '2026-12-01', '0001-01-01', 'planned',
                        'Anna', '{AT}');
            insert into approvals values ('p1', 'a1', 'partner', 'Ole', 'hash', '{AT}');
            insert into agreement_versions values ('p1', 'v1', 'hash', '# Aftale', '{AT}');
            insert into health_checks values ('p1', 'hc1', 'partner', 'Ole', '{AT}', '{{"trust": ["good", ""]}}');
            insert into presence values ('p1', 's1', 'Anna', 'owner', '', 1.5);
        """)
        for n in range(5):
            conn.execute("insert into history (project_id, entity, target, actor, role, at, old, new, version,"
                         " joint) values ('p1', 'field', 's1_idea', 'Anna', 'owner', ?, '', ?, ?, 1)", (AT, n, n))
        conn.execute("delete from history where id > 3")  # the counter stays at 5
    return tokens


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with closing(sqlite3.connect(path)) as conn:
        return {t: sorted(conn.execute(f"select * from {t}").fetchall(), key=repr) for t in TABLES}  # noqa: S608


def _table_sql(path: Path) -> dict[str, str]:
    with closing(sqlite3.connect(path)) as conn:
        return dict(conn.execute("select name, sql from sqlite_master where type in ('table', 'index')"
                                 " and sql is not null").fetchall())


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "new.db"
    store = SQLiteStore(path)
    store.close()
    yield path


def test_a_new_file_and_an_upgraded_one_have_the_same_schema(tmp_path: Path, fresh: Path) -> None:
    for version in (1, 2):
        old = tmp_path / f"v{version}.db"
        _old_file(old, version)
        SQLiteStore(old).close()
        assert _table_sql(old) == _table_sql(fresh)
    assert "check" in _table_sql(fresh)["tasks"]
    with closing(sqlite3.connect(fresh)) as conn:
        assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION == STEPS[-1].version
        assert conn.execute("pragma foreign_key_check").fetchall() == []


@pytest.mark.parametrize("version", [1, 2])
def test_an_old_file_is_upgraded_with_every_row_kept(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.db"
    tokens = _old_file(path, version)
    before = _rows(path)
    store = SQLiteStore(path)
    try:
        after = _rows(path)
        for table in TABLES:  # version 1 had no sealed and opened_at: they come as null
            assert [tuple(r[: len(before[table][0])]) for r in after[table]] == before[table], table
        owner = store.open(tokens["owner"])
        snap = store.snapshot(owner)
        assert snap.field("s1_idea").value == "Idé; med semikolon"
        assert [t.due.year for t in snap.tasks if t.due] == [1]  # kept, as PostgreSQL's NOT VALID
        assert [h.id for h in store.history(owner)] == [3, 2, 1]
        assert store.set_field(owner, "s1_idea", "Ny", 1, "Anna") == 2
        assert store.history(owner)[0].id == 6  # the counter was kept: no id is given twice
        with closing(_connect(path)) as conn, pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute("update candidates set priority = 4")
        store.delete_project(owner)  # the foreign keys still cascade after the rebuild
        assert all(not rows for rows in _rows(path).values())
    finally:
        store.close()


_CRASH = """
import os, sqlite3, sys
from partnership.store.sqlite.schema import STEPS, Step, _rebuild, _sql, migrate

def crash(conn):
    _rebuild(conn, _sql("schema_3.sql"))  # every table rebuilt, then the power goes
    os._exit(9)

conn = sqlite3.connect(sys.argv[1], isolation_level=None)
migrate(conn, sys.argv[1], (*STEPS[:2], Step(3, "crash", crash)))
"""


def test_a_crash_halfway_through_a_step_leaves_the_version_before(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    tokens = _old_file(path, 2)
    before, schema = _rows(path), _table_sql(path)
    done = subprocess.run([sys.executable, "-c", _CRASH, str(path)], cwd=Path(__file__).parents[2], check=False)
    assert done.returncode == 9
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("pragma user_version").fetchone()[0] == 2
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert _rows(path) == before and _table_sql(path) == schema
    store = SQLiteStore(path)  # the next opening takes the step again, whole
    try:
        assert store.snapshot(store.open(tokens["owner"])).field("s1_idea").version == 1
        assert "check" in _table_sql(path)["tasks"]
    finally:
        store.close()


def test_a_failing_step_is_a_storage_error_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_file(path, 2)
    before, schema = _rows(path), _table_sql(path)

    def half(conn: sqlite3.Connection) -> None:
        STEPS[2].apply(conn)
        conn.execute("insert into nowhere values (1)")

    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        with pytest.raises(StorageError):
            migrate(conn, str(path), (*STEPS[:2], Step(3, "half", half)))
        assert conn.execute("pragma user_version").fetchone()[0] == 2
        assert not conn.in_transaction
        assert conn.execute("pragma foreign_keys").fetchone()[0] == 1
    assert _rows(path) == before and _table_sql(path) == schema


def test_a_semicolon_inside_a_string_or_comment_does_not_split_a_statement() -> None:
    script = "-- one; two\ncreate table a (x text default ';'); -- a; comment\n\ninsert into a values ('b;c');\n"
    assert statements(script) == ["create table a (x text default ';'); -- a; comment",
                                  "insert into a values ('b;c');"]
    with pytest.raises(ValueError, match="incomplete"):
        statements("create table a (x")


# -- the constraints ----------------------------------------------------------------------

_BASE: dict[str, dict[str, Any]] = {
    "projects": {"id": "p2", "title": "T", "our_org": "O", "created_by": "Anna", "created_at": AT},
    "links": {"token_hash": "a" * 64, "project_id": "p1", "role": "viewer", "created_at": AT},
    "fields": {"project_id": "p1", "key": "s4_vision", "value": "", "version": 1, "updated_by": "A",
               "updated_at": AT},
    "candidates": {"project_id": "p1", "id": "c2", "name": "N", "name_norm": "n", "position": 2,
                   "updated_by": "A", "updated_at": AT},
    "people": {"project_id": "p1", "id": "h2", "name": "N", "side": "partner", "updated_by": "A", "updated_at": AT},
    "tasks": {"project_id": "p1", "id": "t2", "title": "T", "kind": "task", "side": "partner",
              "status": "planned", "updated_by": "A", "updated_at": AT},
    "approvals": {"project_id": "p1", "id": "a2", "side": "partner", "name": "N", "content_hash": "h",
                  "approved_at": AT},
    "agreement_versions": {"project_id": "p1", "id": "v2", "content_hash": "h", "markdown": "", "signed_at": AT},
    "health_checks": {"project_id": "p1", "id": "hc2", "side": "partner", "name": "N", "at": AT, "answers": "{}"},
    "history": {"project_id": "p1", "entity": "field", "target": "x", "actor": "A", "role": "owner", "at": AT,
                "old": "", "new": "", "version": 1, "joint": 1},
    "presence": {"project_id": "p1", "session_id": "s2", "name": "N", "role": "owner", "seen": 1.0},
}

_CASES = [  # table, column, a value that passes, a value PostgreSQL refuses
    ("projects", "title", "x" * 200, "x" * 201),
    ("projects", "website", "", "x" * 201),
    ("projects", "signed_hash", "h", "x" * 201),
    ("links", "token_hash", "0123456789abcdef" * 4, "0123456789ABCDEF" * 4),
    ("links", "token_hash", "b" * 64, "b" * 63),
    ("links", "role", "partner", "admin"),
    ("links", "sealed", "v1.abc_-=", "v1.abc+/"),
    ("links", "sealed", "v1.a", "v2.abc"),
    ("fields", "value", "x" * 20000, "x" * 20001),
    ("candidates", "id", "c" * 64, ""),
    ("candidates", "status", "set_aside", "gone"),
    ("candidates", "priority", 3, 4),
    ("candidates", "resources", 5, 0),
    ("candidates", "values", 1, 6),
    ("candidates", "note", "x" * 20000, "x" * 20001),
    ("people", "side", "association", "them"),
    ("people", "contact", "x" * 200, "x" * 201),
    ("people", "working_group", 1, 2),
    ("tasks", "kind", "milestone", "meeting"),
    ("tasks", "status", "blocked", "cancelled"),
    ("tasks", "side", "association", "both"),
    ("tasks", "responsible", "x" * 64, "x" * 65),
    ("tasks", "start", "1900-01-01", "1899-12-31"),
    ("tasks", "due", "2200-12-31", "2201-01-01"),
    ("tasks", "due", "2026-02-28", "2026-02-30"),
    ("tasks", "start", None, "soon"),
    ("tasks", "internal", 0, -1),
    ("approvals", "side", "association", "owner"),
    ("approvals", "content_hash", "h" * 200, "h" * 201),
    ("agreement_versions", "id", "v3", "v" * 65),
    ("health_checks", "answers", json.dumps({"trust": ["good", ""]}), "[1, 2]"),
    ("health_checks", "answers", "{}", "not json"),
    ("history", "role", "viewer", "admin"),
    ("history", "new", "x" * 100000, "x" * 100001),
    ("history", "entity", "x" * 64, "x" * 65),
    ("presence", "editing", "x" * 64, "x" * 65),
    ("presence", "session_id", "s" * 64, "s" * 65),
]


@pytest.mark.parametrize(("table", "column", "good", "bad"), _CASES, ids=[f"{c[0]}.{c[1]}" for c in _CASES])
def test_a_row_postgresql_would_refuse_is_refused_by_sqlite(
    tmp_path: Path, table: str, column: str, good: Any, bad: Any
) -> None:
    path = tmp_path / "c.db"
    _old_file(path, 1)
    SQLiteStore(path).close()
    row = {k: v for k, v in _BASE[table].items() if k != column}
    names = ", ".join(f'"{name}"' for name in [*row, column])
    insert = f"insert into {table} ({names}) values (?{', ?' * len(row)})"  # noqa: S608 - fixed names
    with closing(_connect(path)) as conn:
        conn.execute("savepoint good")
        conn.execute(insert, (*row.values(), good))  # the row itself is fine ...
        conn.execute("rollback to good")
        with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
            conn.execute(insert, (*row.values(), bad))  # ... but not with this value

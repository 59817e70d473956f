"""The store contract on the embedded SQLite store, plus what only SQLite has."""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from partnership.errors import StorageError
from partnership.model import Role
from partnership.store.base import hash_token, new_token
from partnership.store.sqlite import SCHEMA, SCHEMA_VERSION, SQLiteStore
from tests.store.contract import ME, ProjectsTitled, StoreContract, make


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    """A fresh SQLite file store in the test's own folder."""
    store = SQLiteStore(tmp_path / "sub" / "partnership.db")
    yield store
    store.close()


@pytest.fixture
def projects_titled(store: SQLiteStore) -> ProjectsTitled:
    def count(title: str) -> int:
        with sqlite3.connect(store.path) as conn:
            return int(conn.execute("select count(*) from projects where title = ?", (title,)).fetchone()[0])
    return count


class TestSQLiteStore(StoreContract):
    pass


def test_data_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    first = SQLiteStore(path)
    owner, tokens = make(first)
    first.close()
    with closing(SQLiteStore(path)) as second:
        second.set_field(owner, "s1_idea", "Idé", 0, ME)
    with closing(SQLiteStore(path)) as again:
        assert again.snapshot(again.open(tokens["owner"])).field("s1_idea").value == "Idé"


def test_schema_is_versioned_and_tokens_are_stored_hashed(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    _, tokens = make(SQLiteStore(path))
    with sqlite3.connect(path) as conn:
        assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
        dump = "\n".join(conn.iterdump())
    assert all(token not in dump for token in tokens.values())


def test_a_newer_schema_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    SQLiteStore(path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StorageError):
        SQLiteStore(path)


def test_an_unwritable_location_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises((StorageError, OSError)):
        SQLiteStore(blocker / "p.db")


def test_a_copy_of_the_database_alone_opens_no_link(tmp_path: Path) -> None:
    """The sealed partner and viewer tokens open only under the owner's key, which the
    file never holds; every stored value is neither a token nor decodes to one."""
    path = tmp_path / "p.db"
    _, tokens = make(SQLiteStore(path))
    with sqlite3.connect(path) as conn:
        dump = "\n".join(conn.iterdump())
        sealed = [row[0] for row in conn.execute("select sealed from links where sealed is not null")]
    assert len(sealed) == 2
    assert all(token not in dump for token in tokens.values())
    assert all(token.encode() not in base64.urlsafe_b64decode(s[3:]) for s in sealed for token in tokens.values())


def test_a_project_made_before_sealing_says_its_partner_link_must_be_made_anew(tmp_path: Path) -> None:
    """A version-1 file (no sealed column) is upgraded; its old partner and viewer links
    keep working but cannot be shown again (None) until the owner makes new ones."""
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(SCHEMA)
        conn.execute("pragma user_version = 1")
        conn.execute("insert into projects (id, title, our_org, created_by, created_at) values"
                     " ('p1', 'Gammel', 'Klubben', 'Anna', '2026-11-01T10:00:00+00:00')")
        tokens = {role: new_token() for role in ("owner", "partner", "viewer")}
        for role, token in tokens.items():
            conn.execute("insert into links (token_hash, project_id, role, created_at) values (?,?,?,?)",
                         (hash_token(token), "p1", role, "2026-11-01T10:00:00+00:00"))
    store = SQLiteStore(path)
    owner = store.open(tokens["owner"])
    assert store.links(owner) == {Role.OWNER: tokens["owner"], Role.PARTNER: None, Role.VIEWER: None}
    assert store.open(tokens["partner"]).role is Role.PARTNER
    fresh = store.rotate_link(owner, Role.PARTNER)
    assert store.links(owner)[Role.PARTNER] == fresh

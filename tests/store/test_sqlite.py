"""The store contract on the embedded SQLite store, plus what only SQLite has."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from partnership.errors import StorageError
from partnership.store.sqlite import SCHEMA_VERSION, SQLiteStore
from tests.store.contract import ME, StoreContract, make


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    """A fresh SQLite file store in the test's own folder."""
    return SQLiteStore(tmp_path / "sub" / "partnership.db")


class TestSQLiteStore(StoreContract):
    pass


def test_data_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    owner, tokens = make(SQLiteStore(path))
    SQLiteStore(path).set_field(owner, "s1_idea", "Idé", 0, ME)
    again = SQLiteStore(path)
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

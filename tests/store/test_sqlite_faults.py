"""SQLite failures become StorageError with a code the page can explain; presence never
breaks a page. A "full disk" is made with ``PRAGMA max_page_count`` on the store's own
connection: SQLite then answers SQLITE_FULL exactly as on a full file system."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from partnership.errors import StorageError
from partnership.i18n import t
from partnership.model import Role
from partnership.store.sqlite import SQLiteStore
from partnership.ui.messages import describe
from tests.store.contract import ME, make, partner_of


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    """A fresh SQLite file store."""
    store = SQLiteStore(tmp_path / "p.db")
    yield store
    store.close()


def _fill_up(store: SQLiteStore) -> sqlite3.Connection:
    """No page may be added to the file any more (on the store's connection: a test runs
    in one thread, so the pool lends it the same one every time)."""
    with store._connection() as conn:
        pages = conn.execute("pragma page_count").fetchone()[0]
        conn.execute(f"pragma max_page_count = {pages}")
    return conn


def test_a_full_disk_is_a_storage_error_in_the_readers_language(store: SQLiteStore) -> None:
    owner, _ = make(store)
    _fill_up(store)
    with pytest.raises(StorageError) as caught:
        store.set_field(owner, "s1_idea", "x" * 20_000, 0, ME)
    assert caught.value.code == "storage_full"
    assert describe(caught.value, "da") == t("err.storage_full", "da")
    assert describe(caught.value, "en") == t("err.storage_full", "en")
    assert "fuld" in describe(caught.value, "da")


def test_after_a_failed_commit_the_store_keeps_working(store: SQLiteStore) -> None:
    owner, _ = make(store)
    full = _fill_up(store)
    for _ in range(3):  # no "cannot rollback - no transaction is active", no stuck transaction
        with pytest.raises(StorageError):
            store.set_field(owner, "s1_idea", "x" * 20_000, 0, ME)
    with store._connection() as conn:
        assert conn is full and not conn.in_transaction  # kept in the pool: it was left clean
        assert store.snapshot(owner).field("s1_idea").version == 0
        conn.execute("pragma max_page_count = 1073741823")
    assert store.set_field(owner, "s1_idea", "kort", 0, ME) == 1


def test_presence_that_cannot_be_written_still_answers(store: SQLiteStore) -> None:
    owner, _ = make(store)
    revision = store.revision(owner)
    with store._connection() as conn:
        conn.execute("pragma query_only = 1")  # every write now fails
    with pytest.raises(StorageError):
        store.set_field(owner, "s1_idea", "tekst", 0, ME)
    assert store.heartbeat(owner, "s1", ME, "s1_idea") == (revision, [])


def test_partner_and_viewer_never_learn_which_internal_field_is_edited(store: SQLiteStore) -> None:
    owner, tokens = make(store)
    partner = partner_of(store, tokens)
    viewer = store.open(tokens["viewer"])
    store.heartbeat(owner, "owner-session", ME, "s1_vision_fit")
    for access in (partner, viewer):
        others = store.heartbeat(access, f"{access.role.value}-session", "Ole", "")[1]
        (seen,) = [p for p in others if p.role is Role.OWNER]
        assert seen.editing == "internal"
    store.heartbeat(owner, "owner-session", ME, "s4_vision")
    assert store.heartbeat(partner, "partner-session", "Ole", "")[1][0].editing == "s4_vision"
    store.heartbeat(partner, "partner-session", "Ole", "s4_vision")
    assert any(p.editing == "s4_vision" for p in store.heartbeat(owner, "owner-session", ME, "s1_idea")[1])

"""The SQLite store's connections: a small pool shared by every thread (Streamlit runs each
rerun in a new thread), never more than POOL_SIZE open, each lent to one thread at a time,
all closed by close(). Open connections are counted as the process's open files."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from partnership import limits
from partnership.errors import StorageError
from partnership.store.sqlite import SQLiteStore
from partnership.store.sqlite import core as sqlite_core
from partnership.store.sqlite.core import LIVE_BUSY_MS, POOL_SIZE
from tests.store.contract import ME, make

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc")


def _open_files(path: Path) -> int:
    """How many times this process has the database file itself open (one per connection)."""
    found = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            found += os.readlink(f"/proc/self/fd/{fd}") == str(path)
        except OSError:
            continue
    return found


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "pool.db"


@pytest.fixture
def store(path: Path) -> Iterator[SQLiteStore]:
    store = SQLiteStore(path)
    yield store
    store.close()


def test_a_new_thread_per_rerun_reuses_one_connection(store: SQLiteStore, path: Path) -> None:
    owner, _ = make(store)
    lent: list[object] = []

    def rerun() -> None:
        store.snapshot(owner)
        store.revision(owner)
        with store._connection() as conn:
            lent.append(conn)

    for _ in range(20):  # twenty reruns, one after the other, each in its own thread
        thread = threading.Thread(target=rerun)
        thread.start()
        thread.join()
    assert len(lent) == 20 and len(set(map(id, lent))) == 1
    assert _open_files(path) == 1


def test_many_threads_share_at_most_pool_size_connections(store: SQLiteStore, path: Path) -> None:
    owner, _ = make(store)
    failures: list[BaseException] = []
    most = [0]
    keys = ("s4_vision", "s4_how", "s4_funding", "s4_objectives")

    def work(n: int) -> None:
        version = 0
        try:
            for i in range(10):
                if n < len(keys):  # four writers, each its own field, compare-and-set
                    version = store.set_field(owner, keys[n], f"{n}.{i}", version, ME)
                else:
                    store.snapshot(owner)
                    store.revisions([owner.token])
                most[0] = max(most[0], _open_files(path))
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(3 * POOL_SIZE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert 1 <= most[0] <= POOL_SIZE
    snap = store.snapshot(owner)
    assert [snap.field(key).value for key in keys] == [f"{n}.9" for n in range(len(keys))]
    assert snap.revision == 1 + 10 * len(keys)


def test_close_closes_every_connection(path: Path) -> None:
    store = SQLiteStore(path)
    owner, _ = make(store)
    with ExitStack() as lent:
        for _ in range(3):
            lent.enter_context(store._connection())
        assert _open_files(path) == 3
        store.close()
        assert _open_files(path) == 3  # lent ones close when given back
    assert _open_files(path) == 0
    with pytest.raises(StorageError):
        store.snapshot(owner)


def test_when_every_connection_is_lent_a_live_check_skips_quickly(store: SQLiteStore) -> None:
    owner, _ = make(store)
    with ExitStack() as lent:
        for _ in range(POOL_SIZE):
            lent.enter_context(store._connection())
        started = time.monotonic()
        with pytest.raises(StorageError) as caught:
            store.revisions([owner.token])
        assert caught.value.code == "storage_busy"
        assert time.monotonic() - started < limits.BUSY_TIMEOUT_S
    assert store.revisions([owner.token]) == {owner.token: store.revision(owner)}


def test_a_live_check_leaves_the_normal_busy_timeout_behind(store: SQLiteStore) -> None:
    owner, _ = make(store)
    store.revisions([owner.token])
    with store._connection() as conn:
        assert conn.execute("pragma busy_timeout").fetchone()[0] == int(limits.BUSY_TIMEOUT_S * 1000)
    with store._quick(), store._connection() as conn:
        assert conn.execute("pragma busy_timeout").fetchone()[0] == LIVE_BUSY_MS


def test_a_commit_listener_may_read_even_with_a_single_connection(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_core, "POOL_SIZE", 1)
    store = SQLiteStore(path)
    try:
        owner, _ = make(store)
        heard: list[int] = []
        store.add_commit_listener(lambda project_id, revision, scope: heard.append(store.revision(owner)))
        store.set_field(owner, "s1_idea", "Idé", 0, ME)
        assert heard == [2]
    finally:
        store.close()

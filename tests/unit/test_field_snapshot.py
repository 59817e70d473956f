"""The field route's snapshot (``process.snapshot_now``): at most one snapshot per link
and revision, also for a project no stream of this process follows (the hub then knows no
revision, and before, every request read the whole project again)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from partnership import process
from partnership.live.hub import Hub
from tests.support.engine import engine_for
from tests.unit.test_live import CountingStore


@pytest.fixture
def store(request: pytest.FixtureRequest) -> Iterator[CountingStore]:
    s = CountingStore(engine_for(request.config).fresh_database("fieldsnap"))
    yield s
    s.close()


def test_a_project_nobody_streams_is_read_once_per_revision(store: CountingStore) -> None:
    hub = Hub(store, thread=False)  # nobody subscribed: hub.revision(...) is None
    owner, _ = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    version = store.set_field(owner, "s4_vision", "Første", 0, "Anna")
    store.calls.clear()
    for _ in range(20):
        assert process.snapshot_now(store, owner, hub).field("s4_vision").value == "Første"
    assert store.calls.count("snapshot") == 1
    store.set_field(owner, "s4_vision", "Anden", version, "Anna")
    store.calls.clear()
    for _ in range(20):
        assert process.snapshot_now(store, owner, hub).field("s4_vision").value == "Anden"
    assert store.calls.count("snapshot") == 1, "a new revision: one new read, then the kept one"

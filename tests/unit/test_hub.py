"""The live hub on a real SQLite file: a write reaches subscribers at commit, other
processes' writes through one batched check per interval, and nothing is asked of the
store while nothing happens. A second SQLiteStore on the same file plays the other
process (the CLI, a second app process)."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from partnership.live.hub import GRACE_S, Hub
from partnership.model import Access
from partnership.steps import editing_visible_to
from partnership.store.sqlite import SQLiteStore
from tests.unit.test_live import CountingStore


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Inbox:
    """What one subscriber was sent, in order (thread-safe)."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.arrived = threading.Event()

    def __call__(self, event: dict[str, Any]) -> None:
        self.events.append(event)
        self.arrived.set()

    @property
    def last(self) -> dict[str, Any]:
        return self.events[-1]

    def wait_for(self, test: Any, timeout: float = 5.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.events and test(self.last):
                return self.last
            self.arrived.wait(0.05)
            self.arrived.clear()
        raise AssertionError(f"no such event; got {self.events[-3:]}")


@pytest.fixture
def store(tmp_path: Path) -> CountingStore:
    """This process's store: a real SQLite file, counting the contract calls made on it."""
    return CountingStore(tmp_path / "hub.db")


@pytest.fixture
def elsewhere(store: CountingStore) -> SQLiteStore:
    """Another process's store on the same file (its writes never reach our listener)."""
    return SQLiteStore(store.path)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def hub(store: CountingStore, clock: Clock) -> Any:
    """A hub attached to the store as its commit listener, as the app attaches it."""
    made = Hub(store, interval=0.05, presence_interval=5.0, clock=clock, thread=False)
    store.add_commit_listener(made.publish)
    yield made
    made.close()


def project(store: CountingStore) -> tuple[Access, dict[str, str]]:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben", "Anna")
    return owner, tokens


def test_a_write_in_this_process_reaches_every_subscriber_at_commit_without_a_store_call(
    hub: Hub, store: CountingStore
) -> None:
    owner, tokens = project(store)
    inboxes = [Inbox() for _ in range(3)]
    for n, inbox in enumerate(inboxes):
        hub.subscribe(store.open(tokens["partner"]), f"s{n}", inbox, revision=store.revision(owner))
    store.calls.clear()
    store.set_field(owner, "s4_vision", "Ny vision", 0, "Anna")
    assert store.calls == ["set_field"], "the hub asked the store nothing"
    for inbox in inboxes:  # delivered in the writing thread, before set_field returned
        assert inbox.last["type"] == "state" and inbox.last["rev"] == store.revision(owner)


def test_other_processes_writes_arrive_through_one_batched_check_for_all_subscribers(
    hub: Hub, store: CountingStore, elsewhere: SQLiteStore
) -> None:
    projects = [project(store) for _ in range(4)]
    inboxes: dict[str, list[Inbox]] = {}
    for owner, tokens in projects:
        for n in range(5):
            inbox = Inbox()
            role = ("owner", "partner", "viewer")[n % 3]
            hub.subscribe(store.open(tokens[role]), f"{owner.project_id}-{n}", inbox, revision=store.revision(owner))
            inboxes.setdefault(owner.project_id, []).append(inbox)
    written, _ = projects[2]
    elsewhere.set_field(elsewhere.open(written.token), "s4_vision", "Fra CLI'en", 0, "Bo")
    store.calls.clear()
    hub.check()
    assert store.calls == ["revisions"], "one store call for 20 streams on 4 projects"
    for inbox in inboxes[written.project_id]:
        assert inbox.last["rev"] == elsewhere.revision(written)
    for owner, _ in projects:
        if owner.project_id != written.project_id:
            assert all(inbox.last["rev"] == store.revision(owner) for inbox in inboxes[owner.project_id])


def test_idle_subscribers_cost_one_call_per_interval_in_all_and_none_without_subscribers(
    hub: Hub, store: CountingStore, clock: Clock
) -> None:
    owner, tokens = project(store)
    store.calls.clear()
    for _ in range(10):
        hub.tick()
    assert store.calls == [], "nobody subscribed: no store call at all"
    subs = [hub.subscribe(store.open(tokens["partner"]), f"s{n}", Inbox(), revision=1) for n in range(8)]
    store.calls.clear()
    ticks = 21  # 10 s
    for _ in range(ticks):
        hub.tick()
        clock.now += 0.5
    assert store.calls.count("revisions") == ticks, "one batched check per interval, not one per tab"
    assert store.calls.count("heartbeats") == 2, "presence at a low rate: every 5 s of the 10 s"
    assert set(store.calls) == {"revisions", "heartbeats"}
    for sub in subs:
        hub.unsubscribe(sub)
    store.calls.clear()
    hub.tick()
    assert store.calls == []


def test_the_hubs_thread_checks_every_interval_and_sleeps_without_subscribers(
    store: CountingStore, elsewhere: SQLiteStore
) -> None:
    hub = Hub(store, interval=0.05)
    try:
        owner, tokens = project(store)
        inbox = Inbox()
        hub.subscribe(store.open(tokens["viewer"]), "v", inbox, revision=store.revision(owner))
        elsewhere.set_field(elsewhere.open(tokens["owner"]), "s5_term", "Et år", 0, "Bo")
        inbox.wait_for(lambda e: e.get("rev") == elsewhere.revision(owner))
        gone = Inbox()
        hub.subscribe(owner, "o", gone, revision=1)
        store.delete_project(owner)  # in this process: checked at once, not at the next interval
        gone.wait_for(lambda e: e == {"type": "gone"}, timeout=5)
        assert hub.streams() == 0, "the deleted project ended both streams"
        time.sleep(0.1)  # let a tick in progress finish
        store.calls.clear()
        time.sleep(0.4)
        assert store.calls == [], "no subscriber: the thread waits without asking the store"
    finally:
        hub.close()


def test_a_revoked_link_or_deleted_project_ends_its_streams(
    hub: Hub, store: CountingStore, elsewhere: SQLiteStore
) -> None:
    owner, tokens = project(store)
    partner, owners = Inbox(), Inbox()
    hub.subscribe(store.open(tokens["partner"]), "p", partner, revision=1)
    hub.subscribe(owner, "o", owners, revision=1)
    elsewhere.rotate_link(elsewhere.open(tokens["owner"]), store.open(tokens["partner"]).role)
    hub.check()
    assert partner.last == {"type": "gone"}
    assert owners.last["type"] == "state"
    assert hub.streams() == 1
    store.delete_project(owner)  # in this process: the hub checks at once, in its thread
    hub.tick()
    assert owners.last == {"type": "gone"}
    assert hub.streams() == 0


def test_presence_comes_from_the_streams_and_hides_internal_fields_from_the_partner(
    hub: Hub, store: CountingStore, clock: Clock
) -> None:
    owner, tokens = project(store)
    partner_access = store.open(tokens["partner"])
    theirs = Inbox()
    sub = hub.subscribe(partner_access, "ole", theirs, revision=1)
    hub.here(partner_access, "ole", "Ole", "")
    ours = Inbox()
    hub.subscribe(owner, "anna", ours, revision=1)
    store.calls.clear()
    hub.here(owner, "anna", "Anna", "s1_our_offer")
    assert store.calls == [], "presence in one process needs no store"
    assert {"s": "anna", "n": "Anna", "r": "owner", "e": "internal"} in theirs.last["here"]
    assert {"s": "anna", "n": "Anna", "r": "owner", "e": "s1_our_offer"} in ours.last["here"]
    hub.here(owner, "anna", "Anna", "s4_vision")
    assert {"s": "anna", "n": "Anna", "r": "owner", "e": "s4_vision"} in theirs.last["here"]
    hub.unsubscribe(sub)
    assert "ole" in {p.session_id for p in hub.present(owner.project_id)}, "a page switch does not flicker"
    clock.now += GRACE_S + 1
    hub.sync_presence()
    assert [p.session_id for p in hub.present(owner.project_id)] == ["anna"]
    assert [p["s"] for p in ours.last["here"]] == ["anna"]


def test_presence_travels_between_processes_through_one_batched_store_call(
    tmp_path: Path, store: CountingStore
) -> None:
    owner, tokens = project(store)
    other_store = CountingStore(Path(store.path))
    here, there = Hub(store), Hub(other_store)
    try:
        partner = other_store.open(tokens["partner"])
        here.subscribe(owner, "anna", Inbox(), revision=1)
        here.here(owner, "anna", "Anna", "s4_how")
        inbox = Inbox()
        there.subscribe(partner, "ole", inbox, revision=1)
        there.here(partner, "ole", "Ole", "")
        store.calls.clear()
        here.sync_presence()
        there.sync_presence()
        assert store.calls == ["heartbeats"]
        assert {(p.session_id, p.editing) for p in there.present(owner.project_id)} == {("anna", "s4_how"), ("ole", "")}
        assert {"s": "anna", "n": "Anna", "r": "owner", "e": "s4_how"} in inbox.last["here"]
    finally:
        here.close()
        there.close()


def test_a_busy_database_skips_a_presence_round_quickly(hub: Hub, store: CountingStore, clock: Clock) -> None:
    owner, tokens = project(store)
    hub.subscribe(owner, "anna", Inbox(), revision=1)
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("begin immediate")  # another process holds the write lock
    try:
        started = time.monotonic()
        hub.sync_presence()  # must not raise, must not wait the store's 30 s
        hub.check()  # a read: WAL lets it through
        assert time.monotonic() - started < 5
    finally:
        blocker.execute("rollback")
        blocker.close()


@pytest.mark.parametrize(("role", "editing", "told"), [
    ("owner", "s1_our_offer", "s1_our_offer"), ("owner", "s4_vision", "s4_vision"),
    ("partner", "s1_our_offer", "internal"), ("viewer", "s3_email", "internal"),
    ("partner", "s4_vision", "s4_vision"), ("viewer", "", ""), ("partner", "re_person_1", "re_person_1"),
])
def test_a_partner_or_viewer_is_never_told_which_internal_field_someone_edits(
    role: str, editing: str, told: str
) -> None:
    assert editing_visible_to(role, editing) == told


def test_each_event_says_what_the_recent_revisions_changed_so_a_page_can_redraw_only_that(
    hub: Hub, store: CountingStore, elsewhere: SQLiteStore
) -> None:
    owner, tokens = project(store)
    inbox = Inbox()
    hub.subscribe(store.open(tokens["partner"]), "s-ole", inbox, revision=store.revision(owner))
    start = store.revision(owner)
    store.set_field(owner, "s4_vision", "Ny vision", 0, "Anna")
    store.set_field(owner, "s4_vision", "Nyere vision", 1, "Anna")
    assert inbox.last["changes"] == [[start + 1, "fill:s4_vision"], [start + 2, "text:s4_vision"]]
    elsewhere.set_field(elsewhere.open(tokens["owner"]), "s4_how", "Sådan", 0, "Anna")  # another process
    hub.check()
    assert inbox.last["changes"][-1] == [start + 3, None], "a write seen by the batched check has no known scope"
    store.add_candidate(owner, "Biblioteket", "Anna")
    assert inbox.last["changes"][-1] == [start + 4, None], "a write that is not one field's text has no scope"


def test_a_partner_is_never_told_which_internal_field_changed(hub: Hub, store: CountingStore) -> None:
    owner, tokens = project(store)
    partner, mine = Inbox(), Inbox()
    hub.subscribe(store.open(tokens["partner"]), "s-ole", partner, revision=store.revision(owner))
    hub.subscribe(owner, "s-anna", mine, revision=store.revision(owner))
    store.set_field(owner, "s1_idea", "Hemmelig idé", 0, "Anna")
    store.set_field(owner, "s4_vision", "Fælles vision", 0, "Anna")
    assert [scope for _, scope in mine.last["changes"]] == ["fill:s1_idea", "fill:s4_vision"]
    assert [scope for _, scope in partner.last["changes"]] == [None, "fill:s4_vision"]
    assert "s1_idea" not in str(partner.events)

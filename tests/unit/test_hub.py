"""The live hub on a real database (the embedded PostgreSQL): a write - in this process or
another - reaches subscribers at commit through NOTIFY, without a store call; a store
that cannot LISTEN (``listen=False``, as on Supabase) is checked in one batched call per
interval; nothing is asked of the store while nothing happens. A second store on the
same database plays the other process (the CLI, a second app process)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from partnership.live.hub import GRACE_S, Hub
from partnership.model import Access
from partnership.steps import editing_visible_to
from partnership.store.base import presence_id
from partnership.store.postgres import PostgresStore
from tests.support.engine import engine_for
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
def database(request: pytest.FixtureRequest) -> str:
    return engine_for(request.config).fresh_database("hub")


@pytest.fixture
def store(database: str) -> Iterator[CountingStore]:
    """This process's store, counting the contract calls made on it; it hears every
    process's commits (NOTIFY) once the hub listens."""
    s = CountingStore(database)
    yield s
    s.close()


@pytest.fixture
def batched(database: str) -> Iterator[CountingStore]:
    """A store that cannot LISTEN (``listen=False``): the hub checks, as on Supabase."""
    s = CountingStore(database, listen=False)
    yield s
    s.close()


@pytest.fixture
def elsewhere(database: str) -> Iterator[PostgresStore]:
    """Another process's store on the same database (no listener of its own)."""
    s = PostgresStore(database)
    yield s
    s.close()


def settle(hub: Hub, done: Any, timeout: float = 5.0) -> None:
    """Tick the hub (its thread is off in these tests) until ``done()``: a notice that
    asks for a check (a revoked link, a deleted project) arrives on the store's thread."""
    deadline = time.monotonic() + timeout
    while not done() and time.monotonic() < deadline:
        hub.tick()
        time.sleep(0.01)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _hub(store: CountingStore, clock: Clock) -> Hub:
    made = Hub(store, interval=0.05, presence_interval=5.0, clock=clock, thread=False)
    store.add_commit_listener(made.publish)
    return made


@pytest.fixture
def hub(store: CountingStore, clock: Clock) -> Iterator[Hub]:
    """A hub attached to the store as its commit listener, as the app attaches it."""
    made = _hub(store, clock)
    yield made
    made.close()


@pytest.fixture
def batched_hub(batched: CountingStore, clock: Clock) -> Iterator[Hub]:
    made = _hub(batched, clock)
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
    before = store.revision(owner)
    for n, inbox in enumerate(inboxes):
        hub.subscribe(store.open(tokens["partner"]), f"s{n}", inbox, revision=before)
    store.calls.clear()
    store.set_field(owner, "s4_vision", "Ny vision", 0, "Anna")
    for inbox in inboxes:  # NOTIFY at commit, heard on the store's listening thread
        inbox.wait_for(lambda e: e["type"] == "state" and e["rev"] == before + 1)
    assert store.calls == ["set_field"], "the hub asked the store nothing"


def test_another_processes_write_is_pushed_without_a_store_call(
    hub: Hub, store: CountingStore, elsewhere: PostgresStore
) -> None:
    owner, tokens = project(store)
    inbox = Inbox()
    hub.subscribe(store.open(tokens["viewer"]), "v", inbox, revision=store.revision(owner))
    store.calls.clear()
    elsewhere.set_field(elsewhere.open(tokens["owner"]), "s4_vision", "Fra CLI'en", 0, "Bo")
    inbox.wait_for(lambda e: e.get("rev") == elsewhere.revision(owner))
    assert inbox.last["changes"][-1][1] == "fill:s4_vision", "its scope comes along"
    assert store.calls == [], "no check: the database told us"


def test_without_push_other_processes_writes_arrive_through_one_batched_check(
    batched_hub: Hub, batched: CountingStore, elsewhere: PostgresStore
) -> None:
    hub, store = batched_hub, batched
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
        assert inbox.last["changes"][-1][1] is None, "a write seen by the batched check has no known scope"
    for owner, _ in projects:
        if owner.project_id != written.project_id:
            assert all(inbox.last["rev"] == store.revision(owner) for inbox in inboxes[owner.project_id])


@pytest.mark.parametrize("push", [True, False], ids=["push", "batched"])
def test_idle_subscribers_cost_at_most_one_call_per_interval_and_none_without_subscribers(
    push: bool, hub: Hub, store: CountingStore, batched_hub: Hub, batched: CountingStore, clock: Clock
) -> None:
    if not push:
        hub, store = batched_hub, batched
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
    checks = 0 if push else ticks  # pushed commits need no check; else one per interval, not one per tab
    assert store.calls.count("revisions") == checks
    assert store.calls.count("heartbeats") == 2, "presence at a low rate: every 5 s of the 10 s"
    assert set(store.calls) == {"heartbeats"} | ({"revisions"} if checks else set())
    for sub in subs:
        hub.unsubscribe(sub)
    store.calls.clear()
    hub.tick()
    assert store.calls == []


def test_the_hubs_thread_delivers_and_sleeps_without_subscribers(
    store: CountingStore, elsewhere: PostgresStore
) -> None:
    hub = Hub(store, interval=0.05)
    store.add_commit_listener(hub.publish)
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
    hub: Hub, store: CountingStore, elsewhere: PostgresStore
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
    store.delete_project(owner)  # the notice asks the hub to check at once
    settle(hub, lambda: owners.last == {"type": "gone"})
    assert owners.last == {"type": "gone"}
    assert hub.streams() == 0


def test_presence_comes_from_the_streams_and_hides_internal_fields_from_the_partner(
    hub: Hub, store: CountingStore, clock: Clock
) -> None:
    owner, tokens = project(store)
    partner_access = store.open(tokens["partner"])
    anna, ole = presence_id(owner.token, "anna"), presence_id(partner_access.token, "ole")
    theirs = Inbox()
    sub = hub.subscribe(partner_access, "ole", theirs, revision=1)
    hub.here(partner_access, "ole", "Ole", "")
    ours = Inbox()
    hub.subscribe(owner, "anna", ours, revision=1)
    store.calls.clear()
    hub.here(owner, "anna", "Anna", "s1_our_offer")
    assert store.calls == [], "presence in one process needs no store"
    assert {"s": anna, "n": "Anna", "r": "owner", "e": "internal"} in theirs.last["here"]
    assert {"s": anna, "n": "Anna", "r": "owner", "e": "s1_our_offer"} in ours.last["here"]
    hub.here(owner, "anna", "Anna", "s4_vision")
    assert {"s": anna, "n": "Anna", "r": "owner", "e": "s4_vision"} in theirs.last["here"]
    hub.unsubscribe(sub)
    assert ole in {p.session_id for p in hub.present(owner.project_id)}, "a page switch does not flicker"
    clock.now += GRACE_S + 1
    hub.sync_presence()
    assert [p.session_id for p in hub.present(owner.project_id)] == [anna]
    assert [p["s"] for p in ours.last["here"]] == [anna]


def test_no_reader_is_handed_a_session_id_and_a_stream_speaks_only_for_its_own_link(
    hub: Hub, store: CountingStore
) -> None:
    owner, tokens = project(store)
    viewer = store.open(tokens["viewer"])
    ours, theirs = Inbox(), Inbox()
    hub.subscribe(owner, "owner-session", ours, revision=1)
    hub.here(owner, "owner-session", "Anna", "")
    hub.subscribe(viewer, "viewer-session", theirs, revision=1)
    assert "owner-session" not in str(theirs.last) and "owner-session" not in str(ours.last)
    # the viewer learns the owner's session id some other way and opens a stream with it
    hub.subscribe(viewer, "owner-session", Inbox(), revision=1)
    hub.here(viewer, "owner-session", "Mallory", "")
    people = {(p["n"], p["r"]) for p in ours.last["here"]}
    assert ("Anna", "owner") in people, "the owner stays the owner"
    assert ("Mallory", "viewer") in people


def test_presence_travels_between_processes_through_one_batched_store_call(
    store: CountingStore, database: str
) -> None:
    owner, tokens = project(store)
    other_store = CountingStore(database)
    here, there = Hub(store), Hub(other_store)
    try:
        partner = other_store.open(tokens["partner"])
        anna, ole = presence_id(owner.token, "anna"), presence_id(partner.token, "ole")
        here.subscribe(owner, "anna", Inbox(), revision=1)
        here.here(owner, "anna", "Anna", "s4_how")
        inbox = Inbox()
        there.subscribe(partner, "ole", inbox, revision=1)
        there.here(partner, "ole", "Ole", "")
        store.calls.clear()
        here.sync_presence()
        there.sync_presence()
        assert store.calls == ["heartbeats"]
        assert {(p.session_id, p.editing) for p in there.present(owner.project_id)} == {(anna, "s4_how"), (ole, "")}
        assert {"s": anna, "n": "Anna", "r": "owner", "e": "s4_how"} in inbox.last["here"]
    finally:
        here.close()
        there.close()


def test_a_page_about_to_draw_learns_who_is_here_in_another_process_at_once(
    store: CountingStore, database: str
) -> None:
    """Ole opens step 4 on a second app process while Anna has it open on the first: the
    page's run names Anna with the page (ui/live.py), not only once its own stream has been
    synced; once a sync has covered the project, no store call is made for it."""
    owner, tokens = project(store)
    other_store = CountingStore(database)
    here, there = Hub(store), Hub(other_store)
    try:
        partner = other_store.open(tokens["partner"])
        anna = presence_id(owner.token, "anna")
        here.subscribe(owner, "anna", Inbox(), revision=1)
        here.here(owner, "anna", "Anna", "s4_how")
        here.sync_presence()
        assert there.present(owner.project_id) == []  # the second process has not heard yet
        other_store.calls.clear()
        first = there.present_first(partner, "ole", "Ole")
        assert [(p.session_id, p.name) for p in first] == [(anna, "Anna")]
        assert other_store.calls == ["heartbeats"]
        assert {p.name for p in here.present(owner.project_id)} == {"Anna"}  # Ole is told at its next sync
        here.sync_presence()
        assert {p.name for p in here.present(owner.project_id)} == {"Anna", "Ole"}
        inbox = Inbox()
        there.subscribe(partner, "ole", inbox, revision=1)  # the page's stream, a moment later
        assert "Anna" in {p["n"] for p in inbox.events[0]["here"]}  # told at once, not after the next sync
        there.here(partner, "ole", "Ole", "")
        there.sync_presence()
        other_store.calls.clear()
        assert {p.name for p in there.present_first(partner, "ole", "Ole")} == {"Anna", "Ole"}
        assert other_store.calls == []  # synced: what the hub knows
    finally:
        here.close()
        there.close()
        other_store.close()


def test_a_store_that_cannot_answer_leaves_the_page_what_the_hub_knows(
    hub: Hub, store: CountingStore
) -> None:
    owner, _ = project(store)
    hub.here(owner, "anna", "Anna", "")
    blocker = psycopg.connect(store.conninfo)
    blocker.execute("lock table partnership_private.presence in exclusive mode")  # another process holds it
    try:
        started = time.monotonic()
        assert [p.name for p in hub.present_first(owner, "bo", "Bo")] == ["Anna"]
        assert time.monotonic() - started < 5
    finally:
        blocker.rollback()
        blocker.close()


def test_a_busy_database_skips_a_presence_round_quickly(hub: Hub, store: CountingStore, clock: Clock) -> None:
    owner, tokens = project(store)
    hub.subscribe(owner, "anna", Inbox(), revision=1)
    blocker = psycopg.connect(store.conninfo)
    blocker.execute("lock table partnership_private.presence in exclusive mode")  # another process holds it
    try:
        started = time.monotonic()
        hub.sync_presence()  # must not raise, must not wait the statement timeout
        hub.check()  # a read: not held up by the lock
        assert time.monotonic() - started < 5
    finally:
        blocker.rollback()
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
    hub: Hub, store: CountingStore, elsewhere: PostgresStore
) -> None:
    owner, tokens = project(store)
    inbox = Inbox()
    hub.subscribe(store.open(tokens["partner"]), "s-ole", inbox, revision=store.revision(owner))
    start = store.revision(owner)
    store.set_field(owner, "s4_vision", "Ny vision", 0, "Anna")
    store.set_field(owner, "s4_vision", "Nyere vision", 1, "Anna")
    inbox.wait_for(lambda e: e["rev"] == start + 2)
    assert inbox.last["changes"] == [[start + 1, "fill:s4_vision"], [start + 2, "text:s4_vision"]]
    elsewhere.set_field(elsewhere.open(tokens["owner"]), "s4_how", "Sådan", 0, "Anna")  # another process
    inbox.wait_for(lambda e: e["rev"] == start + 3)
    assert inbox.last["changes"][-1] == [start + 3, "fill:s4_how"], "pushed with its scope"
    store.add_candidate(owner, "Biblioteket", "Anna")
    inbox.wait_for(lambda e: e["rev"] == start + 4)
    assert inbox.last["changes"][-1] == [start + 4, None], "a write that is not one field's text has no scope"


def test_a_partner_is_never_told_which_internal_field_changed(hub: Hub, store: CountingStore) -> None:
    owner, tokens = project(store)
    partner, mine = Inbox(), Inbox()
    hub.subscribe(store.open(tokens["partner"]), "s-ole", partner, revision=store.revision(owner))
    hub.subscribe(owner, "s-anna", mine, revision=store.revision(owner))
    store.set_field(owner, "s1_idea", "Hemmelig idé", 0, "Anna")
    store.set_field(owner, "s4_vision", "Fælles vision", 0, "Anna")
    mine.wait_for(lambda e: len(e["changes"]) == 2)
    partner.wait_for(lambda e: len(e["changes"]) == 2)
    assert [scope for _, scope in mine.last["changes"]] == ["fill:s1_idea", "fill:s4_vision"]
    assert [scope for _, scope in partner.last["changes"]] == [None, "fill:s4_vision"]
    assert "s1_idea" not in str(partner.events)

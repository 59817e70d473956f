"""The live poller's logic, as functions: what a tick decides and how many store calls
it makes (``run_every`` never fires under AppTest; the timing is measured in a real
browser by tests/e2e and bench/bench_live.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from partnership.model import Access, Role
from partnership.store.base import Store
from partnership.store.postgres import PostgresStore
from partnership.ui import live
from partnership.ui.shell import Ctx
from tests.support.engine import engine_for

CONTRACT = frozenset(Store.__abstractmethods__)


class CountingStore(PostgresStore):
    """A real store (the embedded PostgreSQL) that records every call of the Store
    contract made on it."""

    def __init__(self, url: str, **options: Any) -> None:
        self.calls: list[str] = []
        super().__init__(url, **options)

    def __getattribute__(self, name: str) -> Any:
        attr = super().__getattribute__(name)
        if name in CONTRACT:
            calls = super().__getattribute__("calls")

            def counted(*args: Any, **kwargs: Any) -> Any:
                calls.append(name)
                return attr(*args, **kwargs)

            return counted
        return attr


@pytest.fixture
def store(request: pytest.FixtureRequest) -> Iterator[CountingStore]:
    """A fresh counting store on a database of its own."""
    s = CountingStore(engine_for(request.config).fresh_database("live"))
    yield s
    s.close()


@pytest.fixture
def project(store: CountingStore) -> dict[str, str]:
    """A project with its three tokens; the calls made to set it up are forgotten."""
    _, tokens = store.create_project("Lektiecafé", "Boldklubben", "Anna")
    store.calls.clear()
    return tokens


def session(store: Store, token: str, name: str, session_id: str) -> Ctx:
    return Ctx(store=store, lang="da", session_id=session_id, access=store.open(token), name=name)


def full_run(c: Ctx, state: dict[str, Any]) -> live.Decision:
    """What a page's full run does: read the snapshot, record its revision, tick."""
    assert c.access is not None
    snap = c.store.snapshot(c.access)
    live.begin(state, snap.revision)
    return live.tick(c, state)


# -- decide -----------------------------------------------------------------------------


def test_nothing_happens_while_nothing_changed() -> None:
    assert live.decide(5, 5, ("a",), ("a",), False) == live.Decision(False, False)


def test_a_new_revision_reruns_the_app() -> None:
    assert live.decide(5, 6, (), (), False) == live.Decision(True, False)


def test_someone_starting_to_edit_a_shown_field_reruns_the_app() -> None:
    assert live.decide(5, 5, (), ("s:Ole:s4_vision",), False) == live.Decision(True, False)


def test_an_open_dialog_gets_a_notice_instead_of_a_rerun() -> None:
    assert live.decide(5, 6, (), (), True) == live.Decision(False, True)


def test_a_tick_before_any_full_run_does_nothing() -> None:
    assert live.decide(None, 6, None, (), False) == live.Decision(False, False)


# -- tick -------------------------------------------------------------------------------


def test_an_idle_tick_is_exactly_one_heartbeat(store: CountingStore, project: dict[str, str]) -> None:
    me = session(store, project["owner"], "Anna", "s-anna")
    state: dict[str, Any] = {}
    full_run(me, state)
    store.calls.clear()
    for _ in range(5):
        assert live.tick(me, state) == live.Decision(False, False)
    assert store.calls == ["heartbeat"] * 5


def test_the_full_run_records_its_revision_before_comparing(store: CountingStore, project: dict[str, str]) -> None:
    me = session(store, project["owner"], "Anna", "s-anna")
    state: dict[str, Any] = {}
    assert full_run(me, state) == live.Decision(False, False)
    assert full_run(me, state) == live.Decision(False, False), "a full run must not ask for another one"


def test_a_save_by_the_other_side_reruns_once_and_then_settles(store: CountingStore, project: dict[str, str]) -> None:
    me = session(store, project["owner"], "Anna", "s-anna")
    partner = session(store, project["partner"], "Ole", "s-ole")
    state: dict[str, Any] = {}
    full_run(me, state)
    assert partner.access is not None
    store.set_field(partner.access, "s4_vision", "Alle børn har et sted at lave lektier.", 0, "Ole")
    assert live.tick(me, state).rerun
    assert not full_run(me, state).rerun, "the rerun renders the new revision: no loop"
    assert not live.tick(me, state).rerun


def test_a_save_between_snapshot_and_heartbeat_reruns(store: CountingStore, project: dict[str, str]) -> None:
    me = session(store, project["owner"], "Anna", "s-anna")
    assert me.access is not None
    state: dict[str, Any] = {}
    live.begin(state, store.snapshot(me.access).revision)
    store.set_field(me.access, "s4_vision", "Ny tekst", 0, "Mette")  # someone else, same link
    assert live.tick(me, state).rerun


def test_someone_arriving_does_not_rerun_but_is_listed(store: CountingStore, project: dict[str, str]) -> None:
    me = session(store, project["owner"], "Anna", "s-anna")
    partner = session(store, project["partner"], "Ole", "s-ole")
    state: dict[str, Any] = {}
    full_run(me, state)
    live.tick(partner, {})
    assert not live.tick(me, state).rerun
    assert [p.name for p in state[live.OTHERS]] == ["Ole"]


def test_someone_editing_a_field_on_this_page_reruns(store: CountingStore, project: dict[str, str]) -> None:
    me = session(store, project["owner"], "Anna", "s-anna")
    partner = session(store, project["partner"], "Ole", "s-ole")
    state: dict[str, Any] = {}
    full_run(me, state)
    live.mark_shown("s4_vision", state)  # the page draws that field
    partner_state: dict[str, Any] = {}
    live.mark_open("s4_vision", partner_state)
    live.tick(partner, partner_state)
    assert live.tick(me, state).rerun
    assert not full_run(me, state).rerun
    live.mark_shown("s4_vision", state)
    assert not live.tick(me, state).rerun


def test_someone_editing_a_field_elsewhere_does_not_rerun(store: CountingStore, project: dict[str, str]) -> None:
    me = session(store, project["owner"], "Anna", "s-anna")
    partner = session(store, project["partner"], "Ole", "s-ole")
    state: dict[str, Any] = {}
    full_run(me, state)  # e.g. the timeline: no field editors
    partner_state: dict[str, Any] = {}
    live.mark_open("s5_term", partner_state)
    live.tick(partner, partner_state)
    assert not live.tick(me, state).rerun


def test_the_heartbeat_says_which_editor_is_open_and_forgets_it_after_a_page_switch(
    store: CountingStore, project: dict[str, str]
) -> None:
    me = session(store, project["owner"], "Anna", "s-anna")
    other = session(store, project["owner"], "Mette", "s-mette")
    state: dict[str, Any] = {}
    full_run(me, state)
    live.mark_open("s4_vision", state)  # the "Rediger" callback
    full_run(me, state)  # the run after the callback draws the open editor ...
    live.mark_open("s4_vision", state)
    live.tick(me, state)  # ... and the next idle tick reports it
    assert other.access is not None
    assert [p.editing for p in store.heartbeat(other.access, "s-mette", "Mette", "")[1]] == ["s4_vision"]
    full_run(me, state)  # another page: the editor is not drawn
    live.tick(me, state)
    assert [p.editing for p in store.heartbeat(other.access, "s-mette", "Mette", "")[1]] == [""]


def test_a_closed_editor_is_not_reported(store: CountingStore, project: dict[str, str]) -> None:
    state: dict[str, Any] = {}
    live.begin(state, 1)
    live.mark_open("s4_vision", state)
    live.mark_closed("s4_vision", state)
    assert live.editing(state) == ""


def test_a_revoked_link_reruns_an_idle_tick_but_never_a_full_run(
    store: CountingStore, project: dict[str, str]
) -> None:
    owner = session(store, project["owner"], "Anna", "s-anna")
    partner = session(store, project["partner"], "Ole", "s-ole")
    state: dict[str, Any] = {}
    full_run(partner, state)
    assert owner.access is not None
    store.rotate_link(owner.access, Role.PARTNER)
    assert live.tick(partner, state).rerun, "the page must say that the link stopped working"
    live.begin(state, 0)
    assert not live.tick(partner, state).rerun


def test_my_own_other_tab_is_not_someone_else(store: CountingStore, project: dict[str, str]) -> None:
    first = session(store, project["owner"], "Anna", "s-anna-1")
    second = session(store, project["owner"], "Anna", "s-anna-2")
    live.tick(first, {})
    state: dict[str, Any] = {}
    full_run(second, state)
    assert state[live.OTHERS] == []


def test_a_tick_without_a_link_makes_no_store_call(store: CountingStore) -> None:
    c = Ctx(store=store, lang="da", session_id="s", access=None)
    assert live.tick(c, {live.FULL_RUN: True}) == live.Decision(False, False)
    assert store.calls == []


def test_a_store_error_waits_for_the_next_tick(store: CountingStore, project: dict[str, str]) -> None:
    me = session(store, project["owner"], "Anna", "s-anna")
    bad = Ctx(store=store, lang="da", session_id="x" * 100, access=me.access, name="Anna")  # rejected input
    assert live.tick(bad, {live.RENDERED: 1}) == live.Decision(False, False)


@pytest.mark.parametrize(("value", "expected"), [(None, 1.0), ("2", 2.0), ("0.05", 0.2), ("nonsense", 1.0)])
def test_poll_seconds_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, value: str | None,
                                                expected: float) -> None:
    if value is None:
        monkeypatch.delenv("PARTNERSHIP_POLL_S", raising=False)
    else:
        monkeypatch.setenv("PARTNERSHIP_POLL_S", value)
    assert live.poll_seconds() == expected


def test_access_is_rechecked_by_token(store: CountingStore, project: dict[str, str]) -> None:
    """A forged Access with a bad token never reaches the data (the heartbeat says so)."""
    real = store.open(project["owner"])
    forged = Ctx(store=store, lang="da", session_id="s", name="Eve",
                 access=Access(real.project_id, real.role, "x" * 43))
    assert live.tick(forged, {}).rerun


def test_field_views_of_this_run_say_what_they_follow_by_themselves() -> None:
    state: dict[str, Any] = {}
    live.begin(state, 1)
    live.mark_viewed("s4_how", covers=["text:s4_how"], state=state)  # drawn in the first run only
    live.begin(state, 2)
    live.mark_viewed("s4_vision", state=state)  # the heading: who is editing
    live.mark_viewed("s4_vision", covers=["text:s4_vision"], state=state)  # the closed text
    live.mark_viewed("missing_4", covers=["fill:s4_vision", "fill:s4_how"], state=state)
    covered, viewed = live.views_now(state)
    assert covered == ["fill:s4_how", "fill:s4_vision", "text:s4_vision"]
    assert viewed == {"s4_vision", "missing_4"}  # s4_how's view is gone: a page rerun redraws it
    live.begin(state, 3)
    assert live.views_now(state) == ([], set())

"""The documented limits (partnership/limits.py) on both transports: record caps, the
creation rate, the sweep of abandoned empty projects, bounded history, and a busy database.

Each transport gets small limits so the tests stay quick, through
partnership_private.limit_settings in a database of its own (the numbers an operator
would change): psycopg on the embedded engine, and the Supabase store through the RPC
test server on Debian's PostgreSQL."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest

from partnership import exchange
from partnership.demo import create_demo
from partnership.errors import StorageError, ValidationError
from partnership.store.base import Store, new_token
from partnership.store.postgres import PostgresStore
from partnership.store.supabase import SupabaseStore
from partnership.ui.messages import describe
from tests.store.contract import ME, make
from tests.support.engine import engine_for
from tests.support.postgres import PostgresCluster, postgres_for
from tests.support.rpc_server import RpcServer

PRUNE_EVERY = 50
"""The prune_history trigger runs at every 50th history entry (the limits migration)."""
_PG_DEFAULTS_DAYS = 30
"""abandoned_after_days in limit_settings."""

_PG_DEFAULTS = {"tasks": 5000, "people": 500, "candidates": 200, "health_checks": 500, "create_per_minute": 600,
                "create_per_caller": 10, "create_caller_window_s": 600, "create_per_source": 60,
                "history_keep": 5000, "history_keep_chars": 25_000_000}


@dataclass
class Limited:
    """A store and the means to set its limits and to look behind it."""

    store: Store
    set_limit: Callable[[str, int], None]
    sql: Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]]
    """Run SQL on the store's database (``?`` placeholders); rows of a select."""


@pytest.fixture(scope="module")
def pg_limits_db(request: pytest.FixtureRequest) -> Iterator[tuple[PostgresCluster, str]]:
    """A database of its own with the migrations applied and the default limits."""
    cluster = postgres_for(request.config)
    name = "limits_test"
    cluster.create_database(name)
    yield cluster, name


def _sql_on(connect: Callable[[], psycopg.Connection]) -> Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]]:
    def run(query: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with connect() as conn:
            cur = conn.execute(query.replace("?", "%s").replace(" from ", " from partnership_private.")  # type: ignore[call-overload]
                               .replace("update ", "update partnership_private."), params)
            rows = [tuple(r) for r in cur.fetchall()] if cur.description else []
            conn.commit()
            return rows
    return run


@pytest.fixture(params=["postgres", "supabase"])
def limited(request: pytest.FixtureRequest) -> Iterator[Limited]:
    if request.param == "postgres":
        url = engine_for(request.config).fresh_database("limits")
        sql_direct = _sql_on(lambda: psycopg.connect(url))
        store = PostgresStore(url)
        for key, value in _PG_DEFAULTS.items():  # the template's creation rate is lifted for the other tests
            sql_direct("update limit_settings set value = ? where name = ?", (value, key))
        try:
            yield Limited(store, lambda key, value: sql_direct("update limit_settings set value = ? where name = ?",
                                                               (value, key)) and None, sql_direct)
        finally:
            store.close()
        return
    cluster, name = request.getfixturevalue("pg_limits_db")

    sql_pg = _sql_on(lambda: cluster.connect(name))

    def set_pg(key: str, value: int) -> None:
        sql_pg("update limit_settings set value = ? where name = ?", (value, key))

    with RpcServer(cluster.conninfo(name)) as server:
        store = SupabaseStore(server.url, "k")
        try:
            yield Limited(store, set_pg, sql_pg)
        finally:
            store.close()
            for key, value in _PG_DEFAULTS.items():
                set_pg(key, value)


def _recent_creations(lim: Limited) -> int:
    since = datetime.now(UTC) - timedelta(minutes=1)
    return int(lim.sql("select count(*) from links where role = 'owner' and created_at > ?",
                       (since,))[0][0])


def _allow_creations(lim: Limited, more: int) -> None:
    """The global rate allows ``more`` new projects; the buckets per caller stay out of the way."""
    lim.set_limit("create_per_caller", 1_000_000)
    lim.set_limit("create_per_source", 1_000_000)
    lim.set_limit("create_per_minute", _recent_creations(lim) + more)


# -- record caps ----------------------------------------------------------------------------


def test_a_task_beyond_the_cap_is_refused_with_a_message_and_nothing_is_saved(limited: Limited) -> None:
    _allow_creations(limited, 1)
    owner, _ = make(limited.store)
    limited.set_limit("tasks", 2)
    for i in range(2):
        limited.store.add_task(owner, {"title": f"Opgave {i}"}, ME)
    revision = limited.store.revision(owner)
    with pytest.raises(ValidationError) as caught:
        limited.store.add_task(owner, {"title": "En for meget"}, ME)
    assert caught.value.code == "record_cap"
    assert [x.title for x in limited.store.snapshot(owner).tasks] == ["Opgave 0", "Opgave 1"]
    assert limited.store.revision(owner) == revision
    assert "grænsen på 2 opgaver" in describe(caught.value, "da")
    assert "limit of 2 tasks" in describe(caught.value, "en")


def test_people_and_candidates_have_caps_too(limited: Limited) -> None:
    _allow_creations(limited, 1)
    owner, _ = make(limited.store)
    limited.set_limit("people", 1)
    limited.set_limit("candidates", 1)
    limited.store.add_person(owner, {"name": "Bo", "side": "association"}, ME)
    limited.store.add_candidate(owner, "Biblioteket", ME)
    with pytest.raises(ValidationError) as people:
        limited.store.add_person(owner, {"name": "Eva", "side": "partner"}, ME)
    with pytest.raises(ValidationError) as candidates:
        limited.store.add_candidate(owner, "Skolen", ME)
    assert (people.value.code, people.value.params["what"]) == ("record_cap", "cap.people")
    assert (candidates.value.code, candidates.value.params["what"]) == ("record_cap", "cap.candidates")
    snap = limited.store.snapshot(owner)
    assert [p.name for p in snap.people] == ["Bo"] and [c.name for c in snap.candidates] == ["Biblioteket"]


def test_an_import_beyond_a_cap_is_refused_and_creates_no_project(limited: Limited) -> None:
    _allow_creations(limited, 2)
    owner, _ = make(limited.store)
    for i in range(3):
        limited.store.add_task(owner, {"title": f"Opgave {i}"}, ME)
    data = limited.store.export_project(owner)
    limited.set_limit("tasks", 2)
    projects = limited.sql("select count(*) from projects", ())[0][0]
    with pytest.raises(ValidationError) as caught:
        limited.store.import_project(data, ME)
    assert caught.value.code == "record_cap"
    assert limited.sql("select count(*) from projects", ())[0][0] == projects


def test_an_example_beyond_a_cap_is_refused_and_leaves_no_half_project(limited: Limited) -> None:
    """The health checks come last: the cap refuses them after everything else is written."""
    _allow_creations(limited, 1)
    limited.set_limit("health_checks", 1)
    projects = limited.sql("select count(*) from projects", ())[0][0]
    with pytest.raises(ValidationError) as caught:
        create_demo(limited.store)
    assert caught.value.code == "record_cap"
    assert limited.sql("select count(*) from projects", ())[0][0] == projects


_REFUSE_APPROVALS = (
    "create function partnership_private.refuse() returns trigger language plpgsql as"
    " $$ begin raise exception 'refused'; end $$;"
    " create trigger refuse_approvals before insert on partnership_private.approvals"
    " for each row execute function partnership_private.refuse()",
    "drop trigger refuse_approvals on partnership_private.approvals; drop function partnership_private.refuse()")


def test_an_example_that_cannot_be_signed_is_deleted_again(limited: Limited) -> None:
    """Approvals are never imported, so the example is signed after its creation; when the
    database refuses that, the new project goes again and the error is raised."""
    _allow_creations(limited, 1)
    create, drop = _REFUSE_APPROVALS
    projects = limited.sql("select count(*) from projects", ())[0][0]
    limited.sql(create, ())
    try:
        with pytest.raises(StorageError):
            create_demo(limited.store)
    finally:
        limited.sql(drop, ())
    assert limited.sql("select count(*) from projects", ())[0][0] == projects
    _allow_creations(limited, 1)
    owner, _ = create_demo(limited.store)
    assert limited.store.snapshot(owner).project.signed_at is not None


# -- creating projects --------------------------------------------------------------------


def test_creating_projects_beyond_the_rate_is_refused_and_saves_nothing(limited: Limited) -> None:
    _allow_creations(limited, 2)
    make(limited.store)
    owner, _ = make(limited.store)
    projects = limited.sql("select count(*) from projects", ())[0][0]
    with pytest.raises(ValidationError) as created:
        make(limited.store)
    with pytest.raises(ValidationError) as imported:
        limited.store.import_project(limited.store.export_project(owner), ME)
    assert created.value.code == imported.value.code == "rate_limited"
    assert limited.sql("select count(*) from projects", ())[0][0] == projects
    assert "Vent et øjeblik" in describe(created.value, "da")


def test_one_caller_using_up_its_creations_leaves_creation_open_for_others(limited: Limited) -> None:
    """A leaked anon key: one caller asks again and again; the others still create."""
    lim = limited
    lim.set_limit("create_per_minute", 1_000_000)
    lim.set_limit("create_per_caller", 3)
    lim.set_limit("create_per_source", 1_000_000)
    first, _ = lim.store.create_project("Projekt", "Foreningen", ME, caller="ip:203.0.113.9")
    for _ in range(2):
        lim.store.create_project("Projekt", "Foreningen", ME, caller="ip:203.0.113.9")
    projects = lim.sql("select count(*) from projects", ())[0][0]
    with pytest.raises(ValidationError) as refused:
        lim.store.create_project("Projekt", "Foreningen", ME, caller="ip:203.0.113.9")
    with pytest.raises(ValidationError) as imported:
        lim.store.import_project(lim.store.export_project(first), ME, caller="ip:203.0.113.9")
    assert refused.value.code == "rate_limited"
    assert imported.value.code == "rate_limited"
    assert lim.sql("select count(*) from projects", ())[0][0] == projects
    other, _ = lim.store.create_project("Projekt", "Anden forening", ME, caller="ip:198.51.100.7")
    assert lim.store.snapshot(other).project.our_org == "Anden forening"
    example, _ = create_demo(lim.store, caller="ip:198.51.100.8")
    assert lim.store.snapshot(example).project.signed_at is not None
    # the database keeps who asked only as digests, never the address itself
    stored = " ".join(str(row) for row in lim.sql("select caller, source from creations", ()))
    assert "203.0.113.9" not in stored and "198.51.100.7" not in stored


def test_the_global_ceiling_still_holds_for_callers_that_each_stay_under_their_own(limited: Limited) -> None:
    lim = limited
    lim.set_limit("create_per_caller", 1_000_000)
    lim.set_limit("create_per_source", 1_000_000)
    lim.set_limit("create_per_minute", _recent_creations(lim) + 2)
    lim.store.create_project("Projekt", "Foreningen", ME, caller="a")
    lim.store.create_project("Projekt", "Foreningen", ME, caller="b")
    with pytest.raises(ValidationError) as refused:
        lim.store.create_project("Projekt", "Foreningen", ME, caller="c")
    assert refused.value.code == "rate_limited"


def test_an_abandoned_empty_project_is_removed_when_a_project_is_created(limited: Limited) -> None:
    _allow_creations(limited, 4)
    empty, _ = make(limited.store)
    used, _ = make(limited.store)
    limited.store.set_field(used, "s1_idea", "En idé", 0, ME)
    recent, _ = make(limited.store)
    old = datetime.now(UTC) - timedelta(days=_PG_DEFAULTS_DAYS + 1)
    pg = isinstance(limited.store, SupabaseStore)
    for project in (empty, used):
        when = old if pg else old.isoformat()
        limited.sql("update projects set created_at = ? where id = ?", (when, project.project_id))
        limited.sql("update links set created_at = ? where project_id = ?", (when, project.project_id))
    make(limited.store)
    left = {row[0] for row in limited.sql("select id from projects", ())}
    assert empty.project_id not in left
    assert {used.project_id, recent.project_id} <= left


# -- history --------------------------------------------------------------------------------


def test_history_is_bounded_and_what_is_kept_can_be_restored(limited: Limited) -> None:
    _allow_creations(limited, 1)
    owner, _ = make(limited.store)
    limited.set_limit("history_keep", 20)
    version = 0
    for i in range(120):
        version = limited.store.set_field(owner, "s4_vision", f"Udgave {i}", version, ME)
    entries = limited.store.history(owner, limit=10_000)
    assert 20 <= len(entries) < 20 + PRUNE_EVERY
    assert entries[0].new == "Udgave 119"
    oldest = entries[-1]
    limited.store.restore(owner, oldest.id, version, ME)
    assert limited.store.snapshot(owner).field("s4_vision").value == oldest.new


def test_history_is_bounded_by_its_text_size_too(limited: Limited) -> None:
    _allow_creations(limited, 1)
    owner, _ = make(limited.store)
    limited.set_limit("history_keep_chars", 50_000)
    version = 0
    for i in range(100):
        version = limited.store.set_field(owner, "s4_how", f"{i} " + "x" * 5000, version, ME)
    kept = limited.store.history(owner, limit=10_000)
    assert sum(len(e.old) + len(e.new) for e in kept) <= 50_000 + PRUNE_EVERY * 10_100
    assert len(kept) < 100


# -- a busy database ------------------------------------------------------------------------


def test_a_save_while_another_connection_holds_the_lock_says_busy(request: pytest.FixtureRequest) -> None:
    """Another writer holds the project's row past the store's lock timeout: the save gives
    up with "busy, try again", saves nothing, and goes through once the lock is free.
    (On Supabase the lock wait is bounded by the anon role's statement timeout instead.)"""
    store = PostgresStore(engine_for(request.config).fresh_database())
    owner, _ = make(store)
    blocker = psycopg.connect(store.conninfo)
    blocker.execute("select 1 from partnership_private.projects where id = %s for update", (owner.project_id,))
    caught: list[BaseException] = []

    def save() -> None:
        try:
            store.set_field(owner, "s4_vision", "Vores tekst", 0, ME)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            caught.append(exc)

    worker = threading.Thread(target=save)
    worker.start()
    worker.join(timeout=30)
    blocker.rollback()
    blocker.close()
    assert not worker.is_alive()
    assert len(caught) == 1 and isinstance(caught[0], StorageError) and caught[0].code == "storage_busy"
    assert "optaget" in describe(caught[0], "da") and "busy" in describe(caught[0], "en")
    assert store.snapshot(owner).field("s4_vision").value == ""
    store.set_field(owner, "s4_vision", "Vores tekst", 0, ME)  # free again: the same save goes through
    assert store.snapshot(owner).field("s4_vision").value == "Vores tekst"
    store.close()


def test_exported_history_is_the_bounded_history(limited: Limited) -> None:
    _allow_creations(limited, 1)
    owner, _ = make(limited.store)
    limited.set_limit("history_keep", 10)
    version = 0
    for i in range(60):
        version = limited.store.set_field(owner, "s4_vision", f"U {i}", version, ME)
    data = limited.store.export_project(owner)
    assert len(exchange.from_dict(data).history) < 10 + PRUNE_EVERY


def test_inventing_caller_keys_from_one_address_meets_that_address_bucket(request: pytest.FixtureRequest) -> None:
    """On Supabase anyone with the anon key can send any x-ps-caller, but not the address
    the API saw (cf-connecting-ip): that address has a bucket of its own, and another
    address (the app server's) is not affected."""
    url = engine_for(request.config).fresh_database("sources")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("update partnership_private.limit_settings set value = 3 where name = 'create_per_source'")
        conn.execute("update partnership_private.limit_settings set value = 1000000"
                     " where name in ('create_per_minute', 'create_per_caller')")

    def create(address: str, caller: str) -> str:
        with psycopg.connect(url) as conn, conn.transaction():
            conn.execute("set local role anon")
            conn.execute("select set_config('request.headers', %s, true)",
                         (json.dumps({"cf-connecting-ip": address, "x-ps-caller": caller}),))
            tokens = [new_token() for _ in range(3)]
            row = conn.execute("select public.ps_create_project('P', 'F', 'Anna', %s, %s, %s)", tokens).fetchone()
            return str(row[0]["project_id"])

    for i in range(3):
        create("203.0.113.9", f"invented-{i}")
    with pytest.raises(psycopg.Error) as refused:
        create("203.0.113.9", "invented-99")
    assert refused.value.sqlstate == "PT422" and "rate_limited" in str(refused.value.diag.message_detail)
    assert create("192.0.2.1", "ip:198.51.100.7")


def test_an_import_keeps_no_more_history_than_the_cap(limited: Limited) -> None:
    """Without waiting for a prune: the import writes only the newest entries."""
    _allow_creations(limited, 3)
    owner, _ = make(limited.store)
    version = 0
    for i in range(40):
        version = limited.store.set_field(owner, "s4_vision", f"Udgave {i}", version, ME)
    export = limited.store.export_project(owner)
    assert len(export["history"]) >= 40, "the export brings more than the cap below"
    limited.set_limit("history_keep", 10)
    pad, _ = make(limited.store)  # the prune trigger runs at every 50th id: start the import just past one
    pad_version = 0
    while (int(limited.sql("select last_value from history_id_seq", ())[0][0]) + 1) % PRUNE_EVERY != 1:
        pad_version = limited.store.set_field(pad, "s4_how", f"x{pad_version}", pad_version, ME)
    copy, _ = limited.store.import_project(export, ME)
    kept = limited.store.history(copy, limit=10_000)
    assert len(kept) <= 10
    assert kept[0].entity == "import", "the newest entries are the ones kept"
    assert any(e.new == "Udgave 39" for e in kept)

"""Requests and timings of the Supabase store, against a throwaway PostgreSQL.

    .venv/bin/python bench/bench_supabase.py [--rounds 30]

Starts PostgreSQL 15 with the migration applied (tests/support/postgres.py) and the
PostgREST-compatible RPC server (tests/support/rpc_server.py), and prints:

- HTTP requests per full page run (what the app does on every rerun: one snapshot and
  one heartbeat) and per idle poll tick (one heartbeat), counted by the server and by
  the client; targets: at most 2 per page run, exactly 1 per idle tick;
- snapshot() time on a big project (60 candidates, 40 people, 300 tasks, 2,000 history
  entries), end to end and inside the database alone, and its size;
- the time of the other common calls.

Figures only: the exit status is 1 when a request-count target is missed, never for a
time. Loopback timings leave out the network to a real Supabase (add its round trip,
typically 20-150 ms from Streamlit Community Cloud).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402

from partnership.model import Access  # noqa: E402
from partnership.store.supabase import SupabaseStore  # noqa: E402
from tests.support.postgres import AUTHENTICATOR, PostgresCluster, cluster_for_script  # noqa: E402
from tests.support.rpc_server import TEST_ANON_KEY, RpcServer  # noqa: E402

ME = "Bench"
SIZES = {"candidates": 60, "people": 40, "tasks": 300, "history": 2000}


def timed(fn: Callable[[], Any], rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def summary(ms: list[float]) -> str:
    ordered = sorted(ms)
    p90 = ordered[max(0, int(len(ordered) * 0.9) - 1)]
    return f"median {statistics.median(ms):7.2f} ms   p90 {p90:7.2f} ms   max {max(ms):7.2f} ms   (n={len(ms)})"


def fill(store: SupabaseStore, owner: Access) -> None:
    """Grow a project through the API until it has SIZES."""
    for n in range(SIZES["candidates"]):
        cand = store.add_candidate(owner, f"Forening nr. {n + 1}", ME)
        store.update_candidate(owner, cand.id, {"resources": 1 + n % 5, "fit": 1 + (n * 3) % 5,
                                                "note": "Vurdering: " + "god match " * 20}, 1, ME)
    people = []
    for n in range(SIZES["people"]):
        side = "association" if n % 2 else "partner"
        people.append(store.add_person(owner, {"name": f"Person {n + 1}", "side": side, "title": "Frivillig",
                                               "contact": f"person{n}@example.org", "contact_consent": True,
                                               "working_group": n % 3 == 0}, ME))
    start = date(2027, 1, 4)
    kinds = ["activity", "task", "follow_up", "milestone"]
    for n in range(SIZES["tasks"]):
        store.add_task(owner, {"title": f"Opgave {n + 1}", "kind": kinds[n % 4], "responsible": people[n % 40].id,
                               "side": people[n % 40].side, "start": start + timedelta(days=n),
                               "due": start + timedelta(days=n + 14), "note": "Husk at " + "ringe rundt " * 10,
                               "internal": n % 10 == 0}, ME)
    written = SIZES["candidates"] * 2 + SIZES["people"] + SIZES["tasks"]
    keys = ["s4_vision", "s4_objectives", "s4_how", "s4_funding", "s5_follow_up", "s5_term", "s1_idea"]
    versions = dict.fromkeys(keys, 0)
    for n in range(SIZES["history"] - written):
        key = keys[n % len(keys)]
        versions[key] = store.set_field(owner, key, f"Udgave {n}: " + "tekst " * (20 + n % 200), versions[key], ME)


def in_database(cluster: PostgresCluster, owner: Access, rounds: int) -> list[float]:
    """ps_snapshot alone, as anon, without HTTP or Python parsing."""
    with cluster.connect() as conn:
        conn.execute("set role anon")
        ms = []
        for _ in range(rounds):
            start = time.perf_counter()
            conn.execute("select public.ps_snapshot(%s, %s)::text", (owner.token, owner.project_id)).fetchone()
            ms.append((time.perf_counter() - start) * 1000)
        conn.rollback()
    return ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    ok = True
    with cluster_for_script() as cluster, \
            RpcServer(cluster.conninfo(user=AUTHENTICATOR), api_key=TEST_ANON_KEY) as server:
        store = SupabaseStore(server.url, TEST_ANON_KEY)
        sent: list[str] = []
        store._http.event_hooks["request"].append(lambda request: sent.append(request.url.path))

        def requests(action: Callable[[], Any]) -> tuple[int, int]:
            server.reset_counts()
            sent.clear()
            action()
            return server.requests, len(sent)

        owner, _ = store.create_project("Bench", "Boldklubben", ME)
        print("Requests (server / client)")
        page = requests(lambda: (store.snapshot(owner), store.heartbeat(owner, "s1", ME, "")))
        tick = requests(lambda: store.heartbeat(owner, "s1", ME, ""))
        poll = requests(lambda: store.revision(owner))
        print(f"  full page run (snapshot + heartbeat) : {page[0]} / {page[1]}   target <= 2")
        print(f"  idle poll tick (heartbeat)           : {tick[0]} / {tick[1]}   target == 1")
        print(f"  revision() alone                     : {poll[0]} / {poll[1]}")
        ok = page[0] <= 2 and page[1] <= 2 and tick == (1, 1)

        print(f"\nFilling a big project {SIZES} ...", flush=True)
        started = time.perf_counter()
        fill(store, owner)
        filled = time.perf_counter() - started
        snap = store.snapshot(owner)
        entries = len(store.history(owner, limit=1_000_000))
        print(f"  {len(snap.candidates)} candidates, {len(snap.people)} people, {len(snap.tasks)} tasks, "
              f"{entries} history entries; {filled:.1f} s for {server.requests} write requests")
        raw = httpx.post(f"{server.url}/rest/v1/rpc/ps_snapshot", json={"p_token": owner.token,
                                                                           "p_project": owner.project_id},
                         headers={"apikey": "bench"})
        print(f"  snapshot answer: {len(raw.content) / 1024:.0f} KiB JSON")
        page = requests(lambda: (store.snapshot(owner), store.heartbeat(owner, "s1", ME, "")))
        print(f"  full page run on it: {page[0]} / {page[1]} requests")
        ok = ok and page[0] <= 2

        r = args.rounds
        print("\nTimes on the big project (loopback, warm)")
        print(f"  snapshot() end to end    : {summary(timed(lambda: store.snapshot(owner), r))}")
        print(f"  ps_snapshot in database  : {summary(in_database(cluster, owner, r))}")
        print(f"  heartbeat()              : {summary(timed(lambda: store.heartbeat(owner, 's1', ME, ''), r))}")
        print(f"  revision()               : {summary(timed(lambda: store.revision(owner), r))}")
        print(f"  history(1000)            : {summary(timed(lambda: store.history(owner), max(5, r // 3)))}")
        versions = {"v": store.snapshot(owner).field("s4_vision").version}

        def write() -> None:
            versions["v"] = store.set_field(owner, "s4_vision", f"ny tekst {versions['v']}", versions["v"], ME)

        print(f"  set_field()              : {summary(timed(write, r))}")
        doc = store.export_project(owner)
        print(f"  export_project()         : {summary(timed(lambda: store.export_project(owner), max(3, r // 10)))}"
              f"   ({len(json.dumps(doc)) / 1024:.0f} KiB)")
        print(f"  import_project()         : {summary(timed(lambda: store.import_project(doc, ME), 3))}")
        store.close()
    print("\nRequest targets:", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""The PostgreSQL store's connection pool under Streamlit's threading: every rerun of a
page is a new script thread, and all of a process's threads share one pool of at most
POOL_MAX connections (partnership/store/postgres.py). Simulates RERUNS reruns, THREADS at a
time, each doing CALLS snapshot() and revision() calls on a small project, on a fresh
database of the embedded PostgreSQL (tests/support/engine.py). Prints the time per rerun
and how many connections the pool opened; asserts nothing.

    .venv/bin/python bench/bench_pool.py [reruns] [threads]

(It replaces bench_sqlite_conn.py, the same figure for the SQLite store's connections.)

Figures on a loaded machine are rough: compare runs made one right after the other.
"""

from __future__ import annotations

import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from partnership.model import Access  # noqa: E402
from partnership.store.postgres import PostgresStore  # noqa: E402
from tests.support.engine import shared  # noqa: E402

CALLS = 3
"""snapshot() calls per rerun (a page reads the project, the sidebar its revision)."""


def rerun(store: PostgresStore, owner: Access, times: list[float]) -> None:
    t0 = time.perf_counter()
    for _ in range(CALLS):
        store.snapshot(owner)
        store.revision(owner)
    times.append((time.perf_counter() - t0) * 1000)


def main() -> None:
    reruns = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    store = PostgresStore(shared().fresh_database("pool"))
    try:
        owner, _ = store.create_project("Bench", "Foreningen", "Bench")
        for i in range(10):
            store.add_candidate(owner, f"Kandidat {i}", "Bench")
            store.add_task(owner, {"title": f"Opgave {i}", "kind": "task", "side": "partner"}, "Bench")
        times: list[float] = []
        started = time.perf_counter()
        for _ in range(reruns // threads):
            batch = [threading.Thread(target=rerun, args=(store, owner, times)) for _ in range(threads)]
            for thread in batch:
                thread.start()
            for thread in batch:
                thread.join()
        wall = time.perf_counter() - started
        pool = store._pool.get_stats()  # a benchmark may look inside
    finally:
        store.close()
    print(f"{len(times)} reruns in new threads, {threads} at a time, {CALLS} x (snapshot + revision) each")
    print(f"  wall {wall:.2f} s; per rerun median {statistics.median(times):.2f} ms,"
          f" p90 {statistics.quantiles(times, n=10)[-1]:.2f} ms")
    print(f"  pool: {pool.get('connections_num', 0)} connections opened, {pool.get('requests_num', 0)} requests,"
          f" {pool.get('requests_waiting', 0)} waiting at the end, {pool.get('requests_wait_ms', 0)} ms waited in all")


if __name__ == "__main__":
    main()

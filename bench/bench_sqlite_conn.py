"""Connections of the SQLite store under Streamlit's threading: every rerun of a page is a
new script thread, which (before the pool) opened a new connection with its PRAGMAs.
Simulates RERUNS reruns, THREADS at a time, each doing CALLS snapshot() and revision()
calls on a small project. Prints the time per rerun and per call; asserts nothing.

    .venv/bin/python bench/bench_sqlite_conn.py [reruns] [threads]

Figures on a loaded machine are rough: compare runs made one right after the other.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from partnership.store.sqlite import SQLiteStore  # noqa: E402

from partnership.model import Access  # noqa: E402

CALLS = 3
"""snapshot() calls per rerun (a page reads the project, the sidebar its revision)."""


def rerun(store: SQLiteStore, owner: Access, times: list[float]) -> None:
    t0 = time.perf_counter()
    for _ in range(CALLS):
        store.snapshot(owner)
        store.revision(owner)
    times.append((time.perf_counter() - t0) * 1000)


def main() -> None:
    reruns = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
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
        close = getattr(store, "close", None)
        if close is not None:
            close()
    print(f"{len(times)} reruns in new threads, {threads} at a time, {CALLS} x (snapshot + revision) each")
    print(f"  wall {wall:.2f} s; per rerun median {statistics.median(times):.2f} ms,"
          f" p90 {statistics.quantiles(times, n=10)[-1]:.2f} ms")


if __name__ == "__main__":
    main()

"""Server time of every page for big projects, and of the live rerun after the other
side's change. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_pages.py [--sizes bench,1000,5000] [--pages timeline,step4] [--repeat 3]

"bench" is the benchmark project of bench_store.py (60 candidates, 40 people, 300 tasks,
2,000 history entries); a number is that project with that many tasks. For each page:
the median server time of one full run of the page (an AppTest switch_page run, after a
first run that opened the link), and of the rerun that follows a save by the partner
(what live collaboration costs each open page). Targets: full run <= 300 ms, live
rerun <= 150 ms for the benchmark project. The data lives in a fresh database of the
embedded PostgreSQL of tests/support/engine.py (one server per size's process).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_store import build_large, release_app_store  # noqa: E402
from partnership.model import Access  # noqa: E402
from partnership.store.base import Store  # noqa: E402
from partnership.store.postgres import PostgresStore  # noqa: E402
from partnership.ui import charts  # noqa: E402
from tests.support.engine import shared  # noqa: E402

PAGES = ["overview", "step1", "step2", "step3", "step4", "step5", "timeline", "history", "settings"]


def add_tasks(store: Store, owner: Access, n: int) -> None:
    people = [p.id for p in store.snapshot(owner).people]
    start = date.today() - timedelta(days=200)
    kinds = ["activity", "task", "follow_up", "milestone"]
    have = len(store.snapshot(owner).tasks)
    for i in range(have, n):
        store.add_task(owner, {"title": f"Opgave {i}", "kind": kinds[i % 4], "responsible": people[i % len(people)],
                               "side": "association" if i % 2 else "partner",
                               "start": start + timedelta(days=i % 400),
                               "due": start + timedelta(days=i % 400 + 20)}, "Bench")


def page_times(store: Store, tokens: dict[str, str], page: str, repeat: int) -> tuple[float, float, float, float]:
    """Median wall and CPU milliseconds of a full run, then of the live rerun."""
    from streamlit.testing.v1 import AppTest

    partner = store.open(tokens["partner"])
    full: list[float] = []
    live: list[float] = []
    full_cpu: list[float] = []
    live_cpu: list[float] = []
    for _ in range(repeat):
        at = AppTest.from_file(str(ROOT / "main.py"), default_timeout=600)
        # A tab that has started Plotly (partnership/ui/charts.py): the timeline builds its
        # Plotly figure, the costlier case (a new tab's first run draws the SVG picture).
        at.session_state[charts.READY] = True
        at.query_params["k"] = tokens["owner"]
        at.query_params["n"] = "Bench"
        at.run()
        t0, c0 = time.perf_counter(), time.process_time()
        at.switch_page(f"app_pages/{page}.py").run()
        full.append((time.perf_counter() - t0) * 1000)
        full_cpu.append((time.process_time() - c0) * 1000)
        assert not at.exception, at.exception
        version = store.snapshot(partner).fields.get("s4_vision")
        store.set_field(partner, "s4_vision", f"Ny vision {time.time()}", version.version if version else 0, "P")
        t0, c0 = time.perf_counter(), time.process_time()
        at.run()
        live.append((time.perf_counter() - t0) * 1000)
        live_cpu.append((time.process_time() - c0) * 1000)
    return (statistics.median(full), statistics.median(full_cpu), statistics.median(live),
            statistics.median(live_cpu))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="bench,1000,5000")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")
    sizes = args.sizes.split(",")
    if len(sizes) > 1:  # one process per size: the app opens its store once per process
        import subprocess

        for size in sizes:
            subprocess.run([sys.executable, __file__, "--sizes", size, "--pages", args.pages,
                            "--repeat", str(args.repeat)], check=False)
        return
    for size in sizes:
        database = shared().fresh_database(f"pages_{size}")
        store = PostgresStore(database)
        try:
            owner, tokens = build_large(store)
            if size != "bench":
                add_tasks(store, owner, int(size))
            os.environ["PARTNERSHIP_DATABASE_URL"] = database
            print(f"-- {size}: {len(store.snapshot(owner).tasks)} tasks")
            for page in args.pages.split(","):
                repeat = args.repeat if size == "bench" else 1
                full, full_cpu, live, live_cpu = page_times(store, tokens, page, repeat)
                print(f"   /{page:<9} full run {full:7.0f} ms (CPU {full_cpu:6.0f})   "
                      f"live rerun {live:7.0f} ms (CPU {live_cpu:6.0f})", flush=True)
        finally:
            store.close()
    release_app_store()


if __name__ == "__main__":
    main()

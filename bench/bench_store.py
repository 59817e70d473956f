"""Foundation benchmark: a large project on PostgreSQL (a fresh database in the embedded
engine of tests/support/engine.py); snapshot(), revision() and a full AppTest run of each
page. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_store.py

Targets: snapshot() under 20 ms, revision() under 1 ms (medians).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from partnership.model import Access  # noqa: E402
from partnership.store.base import Store  # noqa: E402
from partnership.store.postgres import PostgresStore  # noqa: E402
from tests.support.engine import shared  # noqa: E402

PAGES = ["overview", "step1", "step2", "step3", "step4", "step5", "timeline", "history", "settings"]


def build_large(store: Store) -> tuple[Access, dict[str, str]]:
    """60 candidates, 40 people, 300 tasks and 2,000 history entries."""
    owner, tokens = store.create_project("Stort projekt", "Foreningen", "Bench")
    for i in range(60):
        store.add_candidate(owner, f"Kandidat {i}", "Bench")
    people = [store.add_person(owner, {"name": f"Person {i}", "side": "association" if i % 2 else "partner",
                                       "working_group": i % 3 == 0}, "Bench").id for i in range(40)]
    start = date.today() - timedelta(days=100)
    for i in range(300):
        store.add_task(owner, {"title": f"Opgave {i}", "kind": ["activity", "task", "follow_up", "milestone"][i % 4],
                               "responsible": people[i % 40], "side": "association" if i % 2 else "partner",
                               "start": start + timedelta(days=i % 90), "due": start + timedelta(days=i % 90 + 20)},
                       "Bench")
    written = 400
    version = 0
    while written < 2000:
        version = store.set_field(owner, "s4_how", f"Udgave {written} " + "tekst " * 50, version, "Bench")
        written += 1
    return owner, tokens


def release_app_store() -> None:
    """Close the store the app's runs opened (st.cache_resource's on_release) before the
    embedded engine stops at exit, so that its commit listener does not log a lost
    connection."""
    import streamlit as st

    st.cache_resource.clear()


def median_ms(fn: object, n: int) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    database = shared().fresh_database("bench")
    store = PostgresStore(database)
    try:
        t0 = time.perf_counter()
        owner, tokens = build_large(store)
        print(f"built large project in {time.perf_counter() - t0:.1f} s "
              f"({len(store.history(owner, limit=10_000))} history entries)")
        print(f"snapshot() median: {median_ms(lambda: store.snapshot(owner), 50):.2f} ms   (target < 20 ms)")
        print(f"revision() median: {median_ms(lambda: store.revision(owner), 500):.3f} ms  (target < 1 ms)")
        partner = store.open(tokens["partner"])
        print(f"snapshot() as partner median: {median_ms(lambda: store.snapshot(partner), 50):.2f} ms")

        os.environ["PARTNERSHIP_DATABASE_URL"] = database
        from streamlit.testing.v1 import AppTest

        app = str(Path(__file__).resolve().parents[1] / "main.py")
        for page in PAGES:
            def run(page: str = page) -> None:
                at = AppTest.from_file(app, default_timeout=60)
                at.query_params["k"] = tokens["owner"]
                at.query_params["n"] = "Bench"
                at.run()
                at.switch_page(f"app_pages/{page}.py").run()
                assert not at.exception, at.exception
            print(f"AppTest full run of /{page:<9} median: {median_ms(run, 3):7.0f} ms (incl. app start page run)")
    finally:
        store.close()
        release_app_store()


if __name__ == "__main__":
    main()

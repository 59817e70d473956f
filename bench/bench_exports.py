"""Time and peak extra memory of every export of a worst-case project, and how much the
database grows per save. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_exports.py [--saves 5000]

The project: six joint fields filled to the length limit with one-character list lines
(about 5,000 lines each, the shape that made the Word export take minutes), 1,000 tasks
and 2,000 history entries of 5 KB texts. Each export is measured as the page builds it
(Markdown, print HTML, Word, PDF, tasks CSV, calendar, the JSON export), and the print HTML
and Word of one paragraph full of Markdown escapes and entities. Target: each <= 5 s
and <= 200 MB extra memory. Then ``--saves`` saves of a 5 KB text to one field: database
bytes per save (history growth; bounded if it levels off): ``pg_database_size`` of a fresh
database in the embedded PostgreSQL of tests/support/engine.py, after a CHECKPOINT (the
size on disk grows in whole pages and WAL is not counted, unlike the SQLite file and its
-wal file measured before).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg  # noqa: E402

from partnership import agreement, agreement_export  # noqa: E402
from partnership.render import agreement_docx, agreement_pdf, calendar_ics  # noqa: E402
from partnership.steps import MAX_TEXT  # noqa: E402
from partnership.store.postgres import PostgresStore  # noqa: E402
from tests.support.engine import shared  # noqa: E402

JOINT = ("s4_vision", "s4_objectives", "s4_how", "s4_funding", "s5_follow_up", "s5_term")


def measure(name: str, build: Callable[[], object]) -> None:
    """Wall and CPU time (CPU time suffers less from other load on the machine) without
    tracing (tracemalloc slows Python code down several times), then the
    peak of memory allocated while building, in a second run."""
    t0, c0 = time.perf_counter(), time.process_time()
    out = build()
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    tracemalloc.start()
    build()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = len(out) if isinstance(out, (bytes, str)) else 0
    print(f"{name:<14} {seconds:7.2f} s (CPU {cpu:6.2f} s)   peak {peak / 1e6:7.1f} MB   "
          f"output {size / 1e6:6.2f} MB", flush=True)


def db_size(database: str) -> int:
    """Bytes the database takes on disk (its tables, indexes and TOAST), as its owner."""
    with psycopg.connect(database, autocommit=True) as conn:
        conn.execute("checkpoint")
        row = conn.execute("select pg_database_size(current_database())").fetchone()
    return int(row[0]) if row else 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=5000)
    args = parser.parse_args()
    db = shared().fresh_database("exports")
    store = PostgresStore(db)
    try:
        owner, _ = store.create_project("Eksport", "Foreningen", "Bench")
        lines = "\n".join("- x" for _ in range(MAX_TEXT // 4))
        for key in JOINT:
            store.set_field(owner, key, lines, 0, "Bench")
        person = store.add_person(owner, {"name": "Anna", "side": "association"}, "Bench")
        start = date.today()
        for i in range(1000):
            store.add_task(owner, {"title": f"Opgave {i} " + "y" * 150, "kind": "activity", "responsible": person.id,
                                   "start": start + timedelta(days=i % 300), "due": start + timedelta(days=i % 300 + 9),
                                   "note": "z" * 2000}, "Bench")
        version = 0
        for i in range(2000):
            version = store.set_field(owner, "s1_vision_fit", f"{i} " + "t" * 5000, version, "Bench")
        snap = store.snapshot(owner)
        md = agreement.render_markdown(snap, "da")
        print(f"agreement Markdown: {len(md) / 1e6:.2f} MB, {md.count(chr(10))} lines")
        measure("markdown", lambda: agreement.render_markdown(snap, "da"))
        measure("html", lambda: agreement_export.to_html(md, "Aftale", "da", fingerprint="x"))
        measure("docx", lambda: agreement_docx.to_docx(md))
        measure("pdf", lambda: agreement_pdf.to_pdf(md, "Aftale", "da", fingerprint="x"))
        measure("csv", lambda: agreement.to_csv_rows(snap, "da", delimiter=";"))
        measure("ics", lambda: calendar_ics.tasks_to_ics(snap.tasks, snap.people, project_title="Eksport", lang="da"))
        measure("json export", lambda: json.dumps(store.export_project(owner), ensure_ascii=False, indent=2))
        # one paragraph of 100,000 characters full of Markdown escapes and entities: quadratic in
        # Python-Markdown alone (minutes) before the pre-escaping step (agreement_export)
        escapes = ("\\*&a;<b>[x]_`#" * 10_000)[:100_000]
        measure("html, escapes", lambda: agreement_export.to_html(escapes, "x", "da"))
        measure("docx, escapes", lambda: agreement_docx.to_docx(escapes))

        before = db_size(db)
        step = max(1, args.saves // 5)
        version = 0
        t0 = time.perf_counter()
        for i in range(args.saves):
            version = store.set_field(owner, "s1_our_offer", f"{i} " + "u" * 5000, version, "Bench")
            if (i + 1) % step == 0:
                grown = db_size(db) - before
                print(f"after {i + 1:>6} saves of 5 KB: database +{grown / 1e6:7.1f} MB "
                      f"({grown / (i + 1) / 1e3:6.1f} KB per save), history rows "
                      f"{len(store.history(owner, limit=1_000_000))}", flush=True)
        print(f"{args.saves} saves in {time.perf_counter() - t0:.1f} s")
        measure("json export", lambda: json.dumps(store.export_project(owner), ensure_ascii=False, indent=2))
    finally:
        store.close()


if __name__ == "__main__":
    main()

"""How long the follow-up timeline takes to build, and whether it grows linearly.

Run: ``.venv/bin/python bench/bench_timeline.py [--repeat 5]``. Prints the median
build time of ``timeline_figure`` for 100, 1,000 and 5,000 tasks and the time per task
(target: under 300 ms for 1,000 tasks; the time per task should stay roughly flat), and
the build time and size of the page's first drawing, ``timeline_svg``, for the same tasks.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from partnership.model import Person, Side, Task, TaskKind, TaskStatus  # noqa: E402
from partnership.render.timeline_chart import timeline_figure  # noqa: E402
from partnership.render.timeline_svg import timeline_svg  # noqa: E402

SIZES = (100, 1_000, 5_000)
TODAY = date(2026, 11, 26)
TARGET_MS_AT_1000 = 300.0


def make_people(n: int = 12) -> list[Person]:
    return [Person(id=f"p{i}", name=f"Frivillig {i}", side=list(Side)[i % 2]) for i in range(n)]


def make_tasks(n: int, people: list[Person], seed: int = 1) -> list[Task]:
    rng = random.Random(seed)
    ids = [p.id for p in people] + [""]
    tasks = []
    for i in range(n):
        first = date(2026, 1, 1) + timedelta(days=rng.randint(0, 540))
        tasks.append(
            Task(
                id=f"t{i}",
                title=f"Opgave nummer {i} med en lidt længere titel",
                kind=rng.choice(list(TaskKind)),
                responsible=rng.choice(ids),
                side=rng.choice(list(Side)),
                start=first if rng.random() < 0.7 else None,
                due=first + timedelta(days=rng.randint(0, 90)),
                status=rng.choice(list(TaskStatus)),
            )
        )
    return tasks


def median_ms(tasks: list[Task], people: list[Person], repeat: int, build: Any = timeline_figure) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        build(
            tasks,
            people,
            today=TODAY,
            period=(date(2026, 1, 1), date(2027, 6, 30)),
            our_org="Ungdomsklubben Nord",
            partner_org="Nordby Bibliotek",
        )
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    people = make_people()
    timeline_figure(make_tasks(10, people), people, today=TODAY)  # warm up imports and caches
    print(f"{'tasks':>6} {'median ms':>10} {'µs / task':>10}")
    results = {}
    for size in SIZES:
        tasks = make_tasks(size, people)
        ms = median_ms(tasks, people, args.repeat)
        results[size] = ms
        svg_ms = median_ms(tasks, people, args.repeat, timeline_svg)
        svg_kb = len(timeline_svg(tasks, people, today=TODAY).encode()) / 1024
        print(f"{size:>6} {ms:>10.1f} {ms * 1000 / size:>10.1f}   svg: {svg_ms:.1f} ms, {svg_kb:.0f} KB")
    growth = (results[SIZES[-1]] / SIZES[-1]) / (results[SIZES[1]] / SIZES[1])
    print(f"per-task time at {SIZES[-1]} vs {SIZES[1]}: x{growth:.2f} (1.0 = linear)")
    ok = results[1_000] < TARGET_MS_AT_1000
    print(f"1,000 tasks: {results[1_000]:.0f} ms ({'within' if ok else 'OVER'} {TARGET_MS_AT_1000:.0f} ms)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

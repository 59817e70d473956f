"""Many tasks made few before they are plotted: one summary item per lane and month (or
quarter, or year) instead of one bar per task. Pure: tasks in, tasks out.

A browser draws a Plotly timeline of a few hundred bars at once; a thousand bars with
their labels took it most of a minute. Above ``AGGREGATE_ABOVE`` dated tasks the
timeline therefore shows summaries, built here as ordinary ``Task`` values so the figure
code needs no second path: per lane (responsible person, or side), per period, and per
shape (bars apart from milestones and follow-up meetings, which are markers), one item
titled by ``label(n)`` that spans the period. Its status is the least finished one of
its tasks (blocked before in progress before planned; done only when all are done); a
summary bar ends with its period (so it shows as overdue once the period is over and
not all is done), a summary marker sits at its latest date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from partnership.model import Side, Task, TaskKind, TaskStatus
from partnership.task_status import LOOKS

AGGREGATE_ABOVE = 300
"""More dated tasks than this are summarised."""
MAX_ITEMS = 200
"""The summary is coarsened (month, quarter, year) until it has at most this many items.
(400 let 1,000 tasks over 20 people stay monthly: 670 points, 170 KB of figure squeezed
into the 2,096 px the lanes may grow to, and about 0.2 s more of the browser's main
thread than the quarterly 192 points, bench/trace_page.py.)"""

Grain = Literal["month", "quarter", "year"]
_GRAINS: tuple[Grain, ...] = ("month", "quarter", "year")
_MARKERS = (TaskKind.MILESTONE, TaskKind.FOLLOW_UP)
_STATUS_RANK = {status: look.rank for status, look in LOOKS.items()}


def period_of(day: date, grain: Grain) -> tuple[date, date]:
    """The first and last day of the month, quarter or year ``day`` falls in."""
    if grain == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    months = 3 if grain == "quarter" else 1
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    next_month = first_month + months
    end = (date(day.year + 1, 1, 1) if next_month > 12 else date(day.year, next_month, 1)) - timedelta(days=1)
    return start, end


@dataclass
class _Bucket:
    first: Task
    count: int = 0
    status: TaskStatus = TaskStatus.DONE
    due: date | None = None
    sides: dict[Side, int] = field(default_factory=dict)


def _first_day(task: Task) -> date | None:
    return task.start if task.start is not None else task.due


def reduce_tasks(
    tasks: Sequence[Task], *, lanes: Literal["person", "side"], label: Callable[[int], str],
    above: int = AGGREGATE_ABOVE, max_items: int = MAX_ITEMS,
) -> tuple[list[Task], bool]:
    """The tasks to plot and whether they are summaries. At most ``above`` dated tasks
    come back as they are; more are summarised at the finest grain that gives at most
    ``max_items`` items (a year per lane and shape at the coarsest). Undated tasks are
    left out of a summary (the timeline does not plot them anyway)."""
    dated = [x for x in tasks if _first_day(x) is not None]
    if len(dated) <= above:
        return list(tasks), False
    summary: list[Task] = []
    for grain in _GRAINS:
        summary = _summarise(dated, lanes, label, grain)
        if len(summary) <= max_items:
            break
    return summary, True


def _summarise(dated: Sequence[Task], lanes: str, label: Callable[[int], str], grain: Grain) -> list[Task]:
    buckets: dict[tuple[str, bool, TaskKind | None, date], _Bucket] = {}
    for task in dated:
        day = _first_day(task)
        assert day is not None
        lane = task.side.value if lanes == "side" else task.responsible
        marker = task.kind in _MARKERS
        key = (lane, marker, task.kind if marker else None, period_of(day, grain)[0])
        bucket = buckets.get(key)
        if bucket is None:
            bucket = buckets[key] = _Bucket(first=task)
        bucket.count += 1
        if _STATUS_RANK[task.status] < _STATUS_RANK[bucket.status]:
            bucket.status = task.status
        due = task.due or task.start
        if due is not None and (bucket.due is None or due > bucket.due):
            bucket.due = due
        bucket.sides[task.side] = bucket.sides.get(task.side, 0) + 1
    out = []
    for (lane, marker, kind, start), b in sorted(buckets.items(), key=lambda item: (item[0][3], item[0][0])):
        _, end = period_of(start, grain)
        side = max(b.sides, key=lambda s: b.sides[s])
        if b.count == 1:
            out.append(b.first)
            continue
        out.append(Task(
            id=f"sum-{lane}-{int(marker)}-{kind.value if kind else ''}-{start.isoformat()}",
            title=label(b.count),
            kind=kind if kind is not None else TaskKind.ACTIVITY,
            responsible=lane if lanes == "person" else "",
            side=side,
            start=None if marker else start,
            due=(b.due or end) if marker else end,
            status=b.status,
        ))
    return out

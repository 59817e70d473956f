"""The stretch of time the timeline shows: a month, three months, or everything.

A phone cannot show a year of follow-ups in 360 px, so the timeline offers a window that
starts on the first of a month and moves a window's length at a time ("Forrige" /
"Næste"). Pure: dates in, dates out.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from partnership.model import Task, TaskKind

Mode = Literal["month", "quarter", "all"]
MODES: tuple[Mode, ...] = ("month", "quarter", "all")
MONTHS: dict[Mode, int] = {"month": 1, "quarter": 3, "all": 0}
Window = tuple[date, date]
"""The first and the last day shown (both included)."""


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after ``day``'s month (before, if negative)."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def window(mode: Mode, start: date) -> Window | None:
    """The window of ``mode`` that begins in ``start``'s month; None for "all"."""
    months = MONTHS[mode]
    if not months:
        return None
    first = first_of_month(start)
    return first, add_months(first, months) - timedelta(days=1)


def moved(mode: Mode, start: date, steps: int) -> date:
    """Where the window begins after ``steps`` moves forward (back, if negative)."""
    return add_months(start, MONTHS[mode] * steps) if MONTHS[mode] else first_of_month(start)


def where_on_axis(task: Task) -> tuple[date, date, bool] | None:
    """The days a task takes on the timeline and whether it is drawn as a point (as
    ``render.timeline_scene.classify`` draws it); None for a task without a date."""
    first = task.start if task.start is not None else task.due
    last = task.due if task.due is not None else task.start
    if first is None or last is None:
        return None
    if last < first:
        first, last = last, first
    point = task.kind in (TaskKind.MILESTONE, TaskKind.FOLLOW_UP) or task.start is None or task.due is None
    return (last, last, True) if point else (first, last, False)


def in_window(task: Task, shown: Window) -> bool:
    """Whether any of the task's drawing falls in the window."""
    span = where_on_axis(task)
    return span is not None and span[0] <= shown[1] and span[1] >= shown[0]

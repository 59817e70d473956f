"""Many tasks are summarised before they are plotted (partnership.timeline_reduce)."""

from __future__ import annotations

from datetime import date, timedelta

from partnership.model import Side, Task, TaskKind, TaskStatus
from partnership.timeline_reduce import period_of, reduce_tasks

START = date(2026, 1, 1)


def tasks(n: int, *, people: int = 3, days: int = 360) -> list[Task]:
    return [Task(id=f"t{i}", title=f"T{i}", kind=TaskKind.ACTIVITY, responsible=f"p{i % people}",
                 side=Side.ASSOCIATION if i % 2 else Side.PARTNER, start=START + timedelta(days=i % days),
                 due=START + timedelta(days=i % days + 3)) for i in range(n)]


def count(label: str) -> int:
    return int(label.split()[0])


def test_few_tasks_come_back_unchanged() -> None:
    found = tasks(10)
    assert reduce_tasks(found, lanes="person", label=lambda n: f"{n} x", above=10) == (found, False)


def test_many_tasks_become_one_summary_per_lane_and_month_that_counts_them_all() -> None:
    found = tasks(900)
    summary, reduced = reduce_tasks(found, lanes="person", label=lambda n: f"{n} opgaver", above=100)
    assert reduced
    assert len(summary) == 3 * 12
    assert sum(count(x.title) for x in summary) == 900
    assert {x.responsible for x in summary} == {"p0", "p1", "p2"}
    first = min(summary, key=lambda x: (x.responsible, x.start or START))
    assert (first.start, first.due) == period_of(START, "month")


def test_lanes_by_side_summarise_per_side() -> None:
    summary, _ = reduce_tasks(tasks(400), lanes="side", label=lambda n: f"{n} x", above=100)
    assert {x.side for x in summary} == {Side.ASSOCIATION, Side.PARTNER}
    assert len(summary) == 2 * 12


def test_a_summary_is_as_unfinished_as_its_least_finished_task() -> None:
    found = tasks(200, people=1, days=1)
    found[5] = Task(**{**found[5].__dict__, "status": TaskStatus.BLOCKED})
    done = [Task(**{**x.__dict__, "status": TaskStatus.DONE}) for x in tasks(200, people=1, days=1)]
    (mixed,), _ = reduce_tasks(found, lanes="person", label=str, above=100)
    (finished,), _ = reduce_tasks(done, lanes="person", label=str, above=100)
    assert mixed.status is TaskStatus.BLOCKED
    assert finished.status is TaskStatus.DONE


def test_too_many_summaries_are_coarsened_to_quarters_or_years() -> None:
    summary, _ = reduce_tasks(tasks(3000, people=30, days=720), lanes="person", label=lambda n: f"{n} x",
                              above=100, max_items=300)
    assert len(summary) <= 300
    assert all((x.due - x.start).days > 80 for x in summary if x.start and x.due)  # quarters at least
    assert sum(count(x.title) if x.title[0].isdigit() else 1 for x in summary) == 3000


def test_a_thousand_tasks_make_at_most_two_hundred_items() -> None:
    """The browser's cost of the timeline grows with its points (bench/trace_page.py):
    1,000 tasks of 20 people over 14 months are drawn as quarters, not 280 months."""
    found = tasks(1000, people=20, days=420)
    monthly, _ = reduce_tasks(found, lanes="person", label=lambda n: f"{n} x", max_items=1000)
    summary, _ = reduce_tasks(found, lanes="person", label=lambda n: f"{n} x")
    assert len(monthly) > 200
    assert len(summary) <= 200
    assert sum(count(x.title) if x.title[0].isdigit() else 1 for x in summary) == 1000


def test_markers_are_summarised_apart_from_bars() -> None:
    found = [Task(id=f"m{i}", title="M", kind=TaskKind.MILESTONE, due=START + timedelta(days=i % 20))
             for i in range(150)] + tasks(150, people=1, days=20)
    summary, _ = reduce_tasks(found, lanes="person", label=lambda n: f"{n} x", above=100)
    kinds = sorted(x.kind.value for x in summary)
    assert kinds.count("milestone") >= 1 and kinds.count("activity") >= 1
    assert all(x.start is None for x in summary if x.kind is TaskKind.MILESTONE)


def test_period_of_knows_month_quarter_and_year_ends() -> None:
    assert period_of(date(2026, 2, 10), "month") == (date(2026, 2, 1), date(2026, 2, 28))
    assert period_of(date(2026, 11, 10), "quarter") == (date(2026, 10, 1), date(2026, 12, 31))
    assert period_of(date(2026, 5, 10), "year") == (date(2026, 1, 1), date(2026, 12, 31))

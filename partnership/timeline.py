"""Follow-up queries over the agreement's tasks: what is overdue, what is due soon, the
filters of the follow-up page and the dashboard numbers at its top.

Pure: records in, plain data out; no I/O and no output library. The timeline's layout
is in ``timeline_layout`` and ``timeline_reduce``; its Plotly figure and the health
chart are drawn by ``partnership.render``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from partnership.i18n import t
from partnership.model import Person, Side, Task, TaskKind, TaskStatus

LaneMode = Literal["person", "side"]
"""How the timeline groups its lanes: one per responsible person or one per side."""

SOON_DAYS = 14


def side_names(our_org: str, partner_org: str, lang: str) -> dict[Side, str]:
    """What each side is called: its organisation's name, or "the association" / "the
    partner" in ``lang`` while the name is blank (the timeline, its chart and the calendar)."""
    return {
        Side.ASSOCIATION: our_org.strip() or t("timeline.side.association", lang),
        Side.PARTNER: partner_org.strip() or t("timeline.side.partner", lang),
    }


def is_overdue(task: Task, today: date) -> bool:
    """Due before today and not done."""
    return task.due is not None and task.due < today and task.status is not TaskStatus.DONE


# -- filters and dashboard ---------------------------------------------------------------


def filter_tasks(
    tasks: Iterable[Task],
    *,
    sides: Collection[Side | str] | None = None,
    people: Collection[str] | None = None,
    statuses: Collection[TaskStatus | str] | None = None,
    kinds: Collection[TaskKind | str] | None = None,
) -> list[Task]:
    """The tasks that match every given filter, in their original order.

    A filter that is None or empty does not filter (an empty multiselect shows all).
    ``people`` holds person ids; include "" to keep tasks with no one responsible.
    """
    side_set = {str(s) for s in sides} if sides else None
    people_set = set(people) if people else None
    status_set = {str(s) for s in statuses} if statuses else None
    kind_set = {str(k) for k in kinds} if kinds else None
    return [
        task
        for task in tasks
        if (side_set is None or task.side.value in side_set)
        and (people_set is None or task.responsible in people_set)
        and (status_set is None or task.status.value in status_set)
        and (kind_set is None or task.kind.value in kind_set)
    ]


@dataclass(frozen=True)
class Dashboard:
    """The numbers at the top of the follow-up page.

    ``overdue`` and ``due_soon`` are sorted by due date; ``due_soon`` holds open tasks due
    from today through today + 14 days. ``open_per_side`` counts tasks not done, with both
    sides always present. ``names`` maps person id -> name for showing who is responsible.
    """

    overdue: list[Task] = field(default_factory=list)
    due_soon: list[Task] = field(default_factory=list)
    open_per_side: dict[Side, int] = field(default_factory=dict)
    total: int = 0
    done: int = 0
    names: dict[str, str] = field(default_factory=dict)


def dashboard(
    tasks: Sequence[Task], people: Sequence[Person], today: date, *, soon_days: int = SOON_DAYS
) -> Dashboard:
    horizon = today + timedelta(days=soon_days)
    open_tasks = [task for task in tasks if task.status is not TaskStatus.DONE]
    by_due = sorted(
        (task for task in open_tasks if task.due is not None), key=lambda task: (task.due, task.title)
    )
    return Dashboard(
        overdue=[task for task in by_due if is_overdue(task, today)],
        due_soon=[task for task in by_due if task.due and today <= task.due <= horizon],
        open_per_side={side: sum(1 for task in open_tasks if task.side is side) for side in Side},
        total=len(tasks),
        done=len(tasks) - len(open_tasks),
        names={person.id: person.name for person in people},
    )

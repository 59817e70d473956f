"""The overview's plan: where the project stands and what to do next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from partnership.model import Role, Snapshot, TaskKind, TaskStatus
from partnership.steps import STEPS, missing


@dataclass(frozen=True)
class Action:
    """One next concrete action: a catalogue key with its values, and the page it is done on."""

    key: str
    page: str
    params: dict[str, str]


def visible_steps(role: Role) -> list[int]:
    """The steps a role works on: all five for the association, 4-5 for everyone else."""
    return [s.number for s in STEPS if role.is_association or not s.internal]


def stage(snap: Snapshot) -> int | None:
    """The earliest step the role works on that still has gaps; None once all are filled."""
    return next((n for n in visible_steps(snap.role) if missing(n, snap)), None)


def next_actions(snap: Snapshot, today: date, limit: int = 4) -> list[Action]:
    """The first gaps of the earliest unfinished step, then overdue and soon-due tasks
    (those only until the agreement is signed: then the dashboard lists them, and the
    plan only says how many are overdue)."""
    actions: list[Action] = []
    for number in visible_steps(snap.role):
        gaps = missing(number, snap)
        if gaps:
            actions += [Action("next.fill", f"step{number}", {"what": g, "step": str(number)}) for g in gaps[:3]]
            break
    if snap.project.signed_at is None and snap.role is not Role.VIEWER and not actions:
        actions.append(Action("next.approve", "step5", {}))
    open_tasks = sorted((t for t in snap.tasks if t.status is not TaskStatus.DONE and t.due),
                        key=lambda t: t.due or today)
    if snap.project.signed_at is not None:
        # The dashboard lists the tasks; the plan only points there, so that it never
        # says "all in place" while something is overdue.
        late = sum(1 for t in open_tasks if t.due is not None and t.due < today)
        if late:
            actions.append(Action("next.overdue_after_signing", "timeline", {"n": str(late)}))
        return actions[:limit]
    for task in open_tasks:
        if len(actions) >= limit:
            break
        assert task.due is not None
        key = "next.overdue" if task.due < today else "next.due"
        if task.due < today or (task.due - today).days <= 14:
            page = "step3" if task.internal and task.kind is TaskKind.FOLLOW_UP else "timeline"
            actions.append(Action(key, page, {"title": task.title, "due": task.due.isoformat()}))
    return actions[:limit]

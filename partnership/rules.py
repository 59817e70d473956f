"""Who may change what: the business rules the stores enforce and the pages follow.

Pure (no I/O, no streamlit). The SQLite adapter raises the refusals these functions
return, and the pages ask the same functions what to offer, so the two cannot disagree.
The only other copy is the SQL of the Supabase backend, whose literals
(``TRACKING_TASK_FIELDS``, ``AGREEMENT_TASK_KINDS``, ...) scripts/gen_sql.py writes from
this module into supabase/migrations/20261130000600_generated_rules.sql.

Tasks
    Internal tasks are the association's own: only the owner changes them. While the
    agreement is signed an agreement task (activity, milestone, follow-up) changes only
    in ``TRACKING_TASK_FIELDS``; a plain task stays editable but cannot become an
    agreement task, and no agreement task can be added.
People
    The owner edits both sides' people, the partner only its own side's; nobody while
    the agreement is signed.
Approvals
    What counts is each side's latest approval (the most recent; of two at the same
    moment, the later one recorded). The agreement is signed when both sides' latest
    approvals name the same text.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from partnership.errors import Forbidden
from partnership.model import Approval, Role, Side, TaskKind
from partnership.steps import AGREEMENT_TASK_KINDS, TRACKING_TASK_FIELDS
from partnership.validation import TASK_FIELDS

__all__ = [
    "AGREEMENT_TASK_KINDS",
    "TRACKING_TASK_FIELDS",
    "addable_kinds",
    "already_approved",
    "check_person",
    "check_task",
    "editable_task_fields",
    "is_agreement_task",
    "latest_approvals",
    "may_edit_person",
    "person_refusal",
    "signed_by_both",
    "task_refusal",
]


# -- tasks --------------------------------------------------------------------------------


def is_agreement_task(kind: TaskKind | str) -> bool:
    """Whether a task of ``kind`` is part of the agreement text (locked while signed)."""
    return str(kind) in AGREEMENT_TASK_KINDS


def task_refusal(role: Role, signed: bool, *, internal: bool, kind: TaskKind | str,
                 changing: Collection[str]) -> Forbidden | None:
    """Why ``role`` may not set the fields ``changing`` on a task that is (or, after the
    change, would be) ``internal`` and of ``kind``; None when it may. A store checks
    both the task as it is and the task as it would become."""
    if role is Role.VIEWER:
        return Forbidden("a viewer only reads", code="forbidden")
    if internal and not role.is_association:
        return Forbidden("internal tasks are the association's own", code="forbidden")
    if signed and is_agreement_task(kind) and not set(changing) <= TRACKING_TASK_FIELDS:
        return Forbidden("the agreement is signed", code="signed")
    return None


def check_task(role: Role, signed: bool, *, internal: bool, kind: TaskKind | str,
               changing: Collection[str]) -> None:
    """Raise ``task_refusal``'s ``Forbidden``, if any."""
    refusal = task_refusal(role, signed, internal=internal, kind=kind, changing=changing)
    if refusal is not None:
        raise refusal


def editable_task_fields(role: Role, signed: bool, *, internal: bool, kind: TaskKind | str) -> frozenset[str]:
    """The fields (of ``validation.TASK_FIELDS``) ``role`` may change on such a task now."""
    if task_refusal(role, signed, internal=internal, kind=kind, changing=()) is not None:
        return frozenset()
    fields = frozenset(TASK_FIELDS) - ({"internal"} if not role.is_association else set())
    if signed:
        if is_agreement_task(kind):
            return fields & TRACKING_TASK_FIELDS
        return fields - {"kind"}  # a plain task may not become part of a signed agreement
    return fields


def addable_kinds(signed: bool, kinds: Iterable[TaskKind] | None = None) -> list[TaskKind]:
    """The kinds a new task may have: ``kinds`` (all when None) in ``TaskKind`` order,
    without the agreement kinds while the agreement is signed."""
    wanted = set(TaskKind) if kinds is None else set(kinds)
    return [k for k in TaskKind if k in wanted and not (signed and is_agreement_task(k))]


# -- people -------------------------------------------------------------------------------


def person_refusal(role: Role, signed: bool, side: Side) -> Forbidden | None:
    """Why ``role`` may not add, change or move a person on ``side``; None when it may."""
    if role is Role.VIEWER:
        return Forbidden("a viewer only reads", code="forbidden")
    if role is Role.PARTNER and side is not Side.PARTNER:
        return Forbidden("the partner edits only its own people", code="forbidden")
    if signed:
        return Forbidden("the agreement is signed", code="signed")
    return None


def check_person(role: Role, signed: bool, side: Side) -> None:
    """Raise ``person_refusal``'s ``Forbidden``, if any."""
    refusal = person_refusal(role, signed, side)
    if refusal is not None:
        raise refusal


def may_edit_person(role: Role, signed: bool, side: Side) -> bool:
    return person_refusal(role, signed, side) is None


# -- approvals ----------------------------------------------------------------------------


def latest_approvals(approvals: Iterable[Approval]) -> dict[Side, Approval]:
    """Each side's latest approval, ``approvals`` given in the order they were recorded.
    A side without one since the last reopening is missing from the result."""
    latest: dict[Side, Approval] = {}
    for a in approvals:
        held = latest.get(a.side)
        if held is None or a.approved_at >= held.approved_at:
            latest[a.side] = a
    return latest


def already_approved(approvals: Iterable[Approval], side: Side, content_hash: str) -> bool:
    """Whether ``side``'s latest approval already names the text ``content_hash``."""
    mine = latest_approvals(approvals).get(side)
    return mine is not None and mine.content_hash == content_hash


def signed_by_both(approvals: Iterable[Approval], content_hash: str) -> bool:
    """Whether every side's latest approval names the text ``content_hash``."""
    latest = latest_approvals(approvals)
    return all(side in latest and latest[side].content_hash == content_hash for side in Side)

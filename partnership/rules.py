"""The agreement's domain rules that need no store: which tasks are part of the agreement
text, and whose approval counts.

Pure (no I/O, no streamlit). What a role may change now is not decided here: the SQL
functions decide every write, and the snapshot says what they would allow
(``Snapshot.may``, partnership/model_may.py; docs/architecture.md, "What a role may do").
``TRACKING_TASK_FIELDS`` and ``AGREEMENT_TASK_KINDS`` are written by scripts/gen_sql.py
into the SQL (supabase/migrations/*_generated_rules.sql), where the rules use them.

Tasks
    An agreement task (activity, milestone, follow-up) is part of the agreement text:
    while it is signed it changes only in ``TRACKING_TASK_FIELDS``.
Approvals
    What counts is each side's latest approval (the most recent; of two at the same
    moment, the later one recorded). The agreement is signed when both sides' latest
    approvals name the same text.
"""

from __future__ import annotations

from collections.abc import Iterable

from partnership.model import Approval, Side, TaskKind
from partnership.steps import AGREEMENT_TASK_KINDS, TRACKING_TASK_FIELDS

__all__ = [
    "AGREEMENT_TASK_KINDS",
    "TRACKING_TASK_FIELDS",
    "already_approved",
    "is_agreement_task",
    "latest_approvals",
    "signed_by_both",
]


def is_agreement_task(kind: TaskKind | str) -> bool:
    """Whether a task of ``kind`` is part of the agreement text (locked while signed)."""
    return str(kind) in AGREEMENT_TASK_KINDS


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

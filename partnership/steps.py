"""The five-step partnership model as data: steps, fields, visibility, completeness.

Labels, help texts and examples live in the i18n catalogues under
``field.<key>.label|help|example`` and ``step.<n>.title|lead``; this module holds only
what the code decides on.
"""

from __future__ import annotations

from dataclasses import dataclass

from partnership.model import CandidateStatus, Role, Side, Snapshot, TaskKind

MAX_TEXT = 20_000
"""Longest free text a field accepts, in characters."""

MAX_NAME = 200
"""Longest name or title (people, candidates, tasks, organisations)."""


@dataclass(frozen=True)
class FieldSpec:
    key: str
    step: int
    internal: bool
    required: bool = True


@dataclass(frozen=True)
class StepSpec:
    number: int
    slug: str
    internal: bool
    fields: tuple[FieldSpec, ...]


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("s1_vision_fit", 1, internal=True),
    FieldSpec("s1_partner_help", 1, internal=True),
    FieldSpec("s1_our_offer", 1, internal=True),
    FieldSpec("s1_idea", 1, internal=True),
    FieldSpec("s3_email", 3, internal=True),
    FieldSpec("s3_plan_b", 3, internal=True),
    FieldSpec("s4_vision", 4, internal=False),
    FieldSpec("s4_objectives", 4, internal=False),
    FieldSpec("s4_how", 4, internal=False),
    FieldSpec("s4_funding", 4, internal=False),
    FieldSpec("s5_follow_up", 5, internal=False),
    FieldSpec("s5_term", 5, internal=False),
)

FIELD_BY_KEY: dict[str, FieldSpec] = {f.key: f for f in FIELDS}
INTERNAL_KEYS: frozenset[str] = frozenset(f.key for f in FIELDS if f.internal)
JOINT_KEYS: frozenset[str] = frozenset(f.key for f in FIELDS if not f.internal)

INTERNAL_EDITING = "internal"
"""What partner and viewer see instead of the key of an internal editor."""
_INTERNAL_RECORDS = ("re_cand_", "re_project_")  # candidates and the project's names: owner only


def editing_visible_to(role: Role | str, editing: str) -> str:
    """The presence "editing" value as ``role`` may see it: the association (owner, member) sees every key,
    partner and viewer see joint keys as they are and anything internal only as
    ``"internal"`` - that someone is editing, never which internal field. Unknown keys
    count as internal."""
    if Role(role).is_association or not editing or editing in JOINT_KEYS:
        return editing
    if editing in INTERNAL_KEYS or not editing.startswith("re_") or editing.startswith(_INTERNAL_RECORDS):
        return INTERNAL_EDITING
    return editing


STEPS: tuple[StepSpec, ...] = tuple(
    StepSpec(n, f"step{n}", n <= 3, tuple(f for f in FIELDS if f.step == n)) for n in range(1, 6)
)



TOP_PRIORITIES = 3
"""How many candidates step 2 puts in priority order."""


def missing(step: int, snap: Snapshot) -> list[str]:
    """What is still missing in ``step`` before moving on, as i18n keys.

    Field keys come back as ``field.<key>.label``; other gaps as ``missing.<what>``.
    """
    gaps = [
        f"field.{f.key}.label"
        for f in STEPS[step - 1].fields
        if f.required and not snap.field(f.key).value.strip()
    ]
    if step == 2:
        active = [c for c in snap.candidates if c.status is CandidateStatus.ACTIVE]
        if not snap.candidates:
            gaps.append("missing.candidates")
        if not any(c.priority == 1 for c in active):
            gaps.append("missing.priority")
    elif step == 3:
        meeting = [p for p in snap.people if p.first_meeting and p.side is Side.ASSOCIATION]
        if not 2 <= len(meeting) <= 3:
            gaps.append("missing.first_meeting")
        if not any(t.kind is TaskKind.FOLLOW_UP and t.internal for t in snap.tasks):
            gaps.append("missing.follow_up_date")
    elif step == 4:
        if not any(t.kind is TaskKind.ACTIVITY for t in snap.tasks):
            gaps.append("missing.activities")
        for side in Side:
            if not any(p.working_group and p.side is side for p in snap.people):
                gaps.append(f"missing.working_group_{side.value}")
    elif step == 5:
        if not any(t.kind is TaskKind.FOLLOW_UP and not t.internal for t in snap.tasks):
            gaps.append("missing.follow_up_meetings")
    return gaps


def progress(step: int, snap: Snapshot) -> float:
    """Share of the step's checks that are met, 0.0-1.0 (for a progress bar)."""
    total = len(missing_all_checks(step))
    return 1.0 - len(missing(step, snap)) / total if total else 1.0


def missing_all_checks(step: int) -> list[str]:
    """Every check a step has, whether met or not (the denominator of ``progress``)."""
    checks = [f"field.{f.key}.label" for f in STEPS[step - 1].fields if f.required]
    checks += {
        2: ["missing.candidates", "missing.priority"],
        3: ["missing.first_meeting", "missing.follow_up_date"],
        4: ["missing.activities", "missing.working_group_association", "missing.working_group_partner"],
        5: ["missing.follow_up_meetings"],
    }.get(step, [])
    return checks


AGREEMENT_TASK_KINDS = frozenset({"activity", "milestone", "follow_up"})
"""Task kinds that are part of the agreement text; plain tasks are day-to-day work."""

TRACKING_TASK_FIELDS = frozenset({"status", "note"})
"""What may still change on an agreement task while the agreement is signed."""

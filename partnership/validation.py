"""Input rules shared by every store adapter (the SQL functions mirror them).

Each check raises ``ValidationError`` with a catalogue code (``err.<code>``) and the
values the message needs, so the page can say exactly what is wrong.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime
from typing import Any

from partnership.errors import ValidationError
from partnership.model import CandidateStatus, Side, TaskKind, TaskStatus
from partnership.steps import FIELD_BY_KEY, MAX_NAME, MAX_TEXT


def text(value: object, *, what: str, limit: int = MAX_TEXT, required: bool = False) -> str:
    """A cleaned text: must be a str, at most ``limit`` characters, non-blank if required."""
    if not isinstance(value, str):
        raise ValidationError(f"{what}: not text", code="not_text", what=what)
    if "\x00" in value:
        raise ValidationError(f"{what}: contains a NUL character", code="not_text", what=what)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: not storable text
        raise ValidationError(f"{what}: not valid Unicode text", code="not_text", what=what) from None
    if len(value) > limit:
        raise ValidationError(
            f"{what}: {len(value)} characters, at most {limit}",
            code="too_long",
            what=what,
            limit=limit,
            length=len(value),
        )
    if required and not value.strip():
        raise ValidationError(f"{what}: required", code="required", what=what)
    return value


def name(value: object, *, what: str) -> str:
    """A required one-line name of at most MAX_NAME characters, stripped."""
    return text(value, what=what, limit=MAX_NAME, required=True).strip()


def field_key(key: str) -> str:
    if key not in FIELD_BY_KEY:
        raise ValidationError(f"unknown field {key!r}", code="unknown_field", what=key)
    return key


def score(value: object, *, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError(f"{what}: must be 1-5", code="bad_score", what=what)
    return value


YEAR_MIN, YEAR_MAX = 1900, 2200
"""Dates outside these years are typing mistakes or attacks (9999-12-31 overflowed the
timeline); the SQL functions and table checks use the same bounds."""


def a_date(value: object, *, what: str) -> date | None:
    """None for nothing, else a date (or ISO "YYYY-MM-DD") in the years YEAR_MIN..YEAR_MAX."""
    if value is None or value == "":
        return None
    found: date | None = None
    if isinstance(value, date):
        found = value.date() if isinstance(value, datetime) else value
    elif isinstance(value, str) and len(value) == 10:
        try:
            found = date.fromisoformat(value)
        except ValueError:
            pass
    if found is None:
        raise ValidationError(f"{what}: not a date", code="bad_date", what=what)
    if not YEAR_MIN <= found.year <= YEAR_MAX:
        raise ValidationError(f"{what}: {found.year} is outside {YEAR_MIN}-{YEAR_MAX}", code="date_range",
                              what=what, low=YEAR_MIN, high=YEAR_MAX)
    return found


def choice(value: object, enum: type[Any], *, what: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        raise ValidationError(f"{what}: {value!r} is not allowed", code="bad_choice", what=what) from None


def flag(value: object, *, what: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(f"{what}: must be true or false", code="bad_choice", what=what)
    return value


CANDIDATE_FIELDS = ("name", "status", "resources", "competences", "values", "fit", "note", "priority")
PERSON_FIELDS = ("name", "side", "title", "contact", "first_meeting", "working_group")
TASK_FIELDS = ("title", "kind", "responsible", "side", "start", "due", "status", "note", "internal")


def _only(changes: Mapping[str, Any], allowed: tuple[str, ...], what: str) -> None:
    unknown = sorted(set(changes) - set(allowed))
    if unknown:
        raise ValidationError(f"{what}: unknown {unknown}", code="unknown_field", what=", ".join(unknown))


def candidate_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Validated, normalised candidate changes (a subset of CANDIDATE_FIELDS)."""
    _only(changes, CANDIDATE_FIELDS, "candidate")
    out: dict[str, Any] = {}
    for k, v in changes.items():
        if k == "name":
            out[k] = name(v, what="candidate.name")
        elif k == "status":
            out[k] = choice(v, CandidateStatus, what="candidate.status")
        elif k == "note":
            out[k] = text(v, what="candidate.note")
        elif k == "priority":
            if v is not None and (isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 3):
                raise ValidationError("priority must be 1-3", code="bad_priority", what="priority")
            out[k] = v
        else:
            out[k] = score(v, what=f"candidate.{k}")
    return out


CONSENT = "contact_consent"
"""Sent with a new contact: the person agreed that it is kept (the store records it; never
stored on the person)."""


def person_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    _only(changes, (*PERSON_FIELDS, CONSENT), "person")
    out: dict[str, Any] = {}
    for k, v in changes.items():
        if k == "name":
            out[k] = name(v, what="person.name")
        elif k == "side":
            out[k] = choice(v, Side, what="person.side")
        elif k in ("title", "contact"):
            out[k] = text(v, what=f"person.{k}", limit=MAX_NAME).strip()
        else:
            out[k] = flag(v, what=f"person.{k}")
    return out


def task_changes(changes: Mapping[str, Any], *, today: date | None = None) -> dict[str, Any]:
    """Validated task changes. With ``today`` given, a due date before it is refused."""
    _only(changes, TASK_FIELDS, "task")
    out: dict[str, Any] = {}
    for k, v in changes.items():
        if k == "title":
            out[k] = name(v, what="task.title")
        elif k == "kind":
            out[k] = choice(v, TaskKind, what="task.kind")
        elif k == "status":
            out[k] = choice(v, TaskStatus, what="task.status")
        elif k == "side":
            out[k] = choice(v, Side, what="task.side")
        elif k in ("start", "due"):
            out[k] = a_date(v, what=f"task.{k}")
        elif k == "responsible":
            out[k] = text(v, what="task.responsible", limit=64)
        elif k == "note":
            out[k] = text(v, what="task.note")
        else:
            out[k] = flag(v, what="task.internal")
    if today is not None and out.get("due") is not None and out["due"] < today:
        raise ValidationError("due date in the past", code="date_in_past", what="task.due")
    return out


def task_dates(start: date | None, due: date | None) -> None:
    """A task may not end before it starts."""
    if start and due and due < start:
        raise ValidationError("due before start", code="due_before_start", what="task.due")


NEEDS_RESPONSIBLE: frozenset[TaskKind] = frozenset({TaskKind.FOLLOW_UP})
"""Kinds of task that are saved only with a responsible person: a follow-up nobody owns
is a follow-up nobody holds."""


def task_responsible(kind: object, responsible: object, *, changing: Collection[str] | None = None) -> None:
    """A task of a kind in ``NEEDS_RESPONSIBLE`` must name its responsible person.

    ``kind`` and ``responsible`` are the task as it would be after the write. For a new
    task ``changing`` is None and the rule always applies; for a change it applies when
    the change sets the kind or the responsible person, so an older follow-up without one
    can still have its status or note changed. The pages call it before the store; the
    SQL functions ps_add_task/ps_update_task are to hold the same rule (docs/architecture.md,
    "Date fields and responsible persons").
    """
    if changing is not None and not {"kind", "responsible"} & set(changing):
        return
    if choice(kind, TaskKind, what="task.kind") in NEEDS_RESPONSIBLE and not str(responsible or "").strip():
        raise ValidationError("this kind of task needs someone responsible", code="responsible_required",
                              what="task.responsible")

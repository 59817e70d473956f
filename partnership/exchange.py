"""Records to JSON-ready dicts and back: the export format, and history's old/new text.

The export holds no database ids of the project or of history entries, so that
export -> import -> export gives the same document. Record ids are kept: tasks name
their responsible person by id.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from partnership import exchange_after, import_rules, validation
from partnership.errors import ValidationError
from partnership.meetings import Meetings
from partnership.model import (
    AgreementVersion,
    Approval,
    Candidate,
    CandidateStatus,
    FieldValue,
    HealthCheck,
    HistoryEntry,
    Person,
    Project,
    Role,
    Side,
    Snapshot,
    Task,
    TaskKind,
    TaskStatus,
)
from partnership.model_term import FundingApplication, FundingStatus, Term
from partnership.steps import FIELD_BY_KEY

FORMAT = "partnerskab/1"

R = TypeVar("R")

# Record attributes that are bookkeeping, not content (left out of history's old/new).
BOOKKEEPING = ("id", "version", "updated_by", "updated_at")


def plain(value: Any) -> Any:
    """A JSON-ready version of a model value (enums, dates, datetimes, tuples, dataclasses)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    return value


def content(record: Any) -> dict[str, Any]:
    """A record's content without bookkeeping, JSON-ready (history's old/new)."""
    data: dict[str, Any] = plain(record)
    return {k: v for k, v in data.items() if k not in BOOKKEEPING}


def content_json(record: Any) -> str:
    return json.dumps(content(record), ensure_ascii=False, sort_keys=True)


def _dt(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"not a timestamp: {value!r}", code="bad_date", what="timestamp") from None


def _d(value: Any) -> date | None:
    """A stored or exported date, as it is (the bounds of validation.a_date apply to what
    is written and imported, not to reading rows stored before them)."""
    if value in (None, "") or isinstance(value, date):
        return value  # type: ignore[no-any-return]
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"not a date: {value!r}", code="bad_date", what="date") from None


def record(cls: type[R], data: Mapping[str, Any]) -> R:
    """Build a model record from its dict form, converting enums and dates by field name."""
    kwargs: dict[str, Any] = {}
    hints = {f.name: f for f in fields(cls)}  # type: ignore[arg-type]
    for name, value in data.items():
        if name not in hints:
            raise ValidationError(f"{cls.__name__}: unknown attribute {name!r}", code="unknown_field", what=name)
        kwargs[name] = _convert(cls, name, value)
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise ValidationError(f"{cls.__name__}: {exc}", code="invalid", what=cls.__name__) from exc


def _convert(cls: type, name: str, value: Any) -> Any:
    if name in ("updated_at", "created_at", "approved_at", "signed_at", "at"):
        return _dt(value)
    if name in ("start", "due", "deadline"):
        return _d(value)
    if name == "answers" and isinstance(value, Mapping):
        return {k: (str(v[0]), str(v[1])) for k, v in value.items()}
    enum_by_name = {
        "side": Side,
        "role": Role,
        "kind": TaskKind,
        "status": TaskStatus if cls is Task else FundingStatus if cls is FundingApplication else CandidateStatus,
    }
    if name in enum_by_name and value is not None:
        return validation.choice(value, enum_by_name[name], what=name)
    return value


@dataclass(frozen=True)
class ProjectData:
    """Everything an import writes: a snapshot's content plus its history."""

    snapshot: Snapshot
    history: list[HistoryEntry]
    left_out: Mapping[str, int] = field(default_factory=dict)
    """What the file held that is not imported as such: ``approvals`` (dropped) and
    ``signed_versions`` (kept as history entries only), by count."""
    meetings: Meetings = field(default_factory=Meetings)
    """The follow-up meetings and their rhythm (issue 25; ``exchange_after``)."""


def to_dict(snap: Snapshot, history: list[HistoryEntry], book: Meetings | None = None) -> dict[str, Any]:
    """The export document for what ``snap`` holds (already limited to its role), with the
    follow-up meetings ``book`` (issue 25) when given."""
    project = plain(snap.project)
    del project["id"]
    return {
        "format": FORMAT,
        "role": snap.role.value,
        "project": project,
        "fields": {k: {n: v for n, v in plain(f).items() if n != "key"} for k, f in sorted(snap.fields.items())},
        "invitation": snap.invitation,
        "candidates": [plain(c) for c in snap.candidates],
        "people": [plain(p) for p in snap.people],
        "tasks": [plain(t) for t in snap.tasks],
        "approvals": [plain(a) for a in snap.approvals],
        "signed_versions": [plain(v) for v in snap.signed_versions],
        "health_checks": [plain(h) for h in snap.health_checks],
        # issue 25: the applications, the agreement's period, its evaluations and outcome
        # (the sides' pending choices stay behind), and the meetings (exchange_after)
        "funding": [plain(a) for a in snap.funding],
        "term": {"start": _iso(snap.term.start), "end": _iso(snap.term.end), **exchange_after.term_extra(snap.term)},
        **({"meetings": exchange_after.meetings_dict(book)} if book is not None else {}),
        "history": [{k: v for k, v in plain(h).items() if k != "id"} for h in reversed(history)],
    }


def from_dict(data: Mapping[str, Any]) -> ProjectData:
    """Parse and check an export document (``partnership.import_rules``): every record
    obeys the forms' rules, approvals and the signed state are dropped, signed versions
    become read-only history entries (``import_rules.signed_history``). ValidationError
    names the first problem."""
    try:
        parsed = _from_dict(data)
        signed = import_rules.signed_history(parsed.snapshot.signed_versions)
        left_out = {"approvals": len(parsed.snapshot.approvals), "signed_versions": len(signed)}
        snap = import_rules.check_snapshot(parsed.snapshot)
        import_rules.check_history(parsed.history)
        history = import_rules.merge_newest_first(parsed.history, signed)
    except RecursionError:
        raise ValidationError("the file is nested too deeply", code="too_deep", what="format") from None
    except UnicodeError as exc:  # a lone surrogate somewhere validation does not look
        raise ValidationError(f"not valid Unicode: {exc}", code="bad_import", what="format") from None
    return ProjectData(snap, history, left_out, parsed.meetings)


def with_import_marker(parsed: ProjectData, creator: str, at: datetime) -> ProjectData:
    """``parsed`` with the "import" entry as its newest history entry (see import_rules)."""
    counts = {"fields": len(parsed.snapshot.fields), "tasks": len(parsed.snapshot.tasks), **parsed.left_out}
    marker = import_rules.import_marker(parsed.history, creator, at, counts)
    return ProjectData(parsed.snapshot, [marker, *parsed.history], parsed.left_out, parsed.meetings)


def _records(cls: type[R], items: Any, section: str) -> list[R]:
    """The records of one section of the file; a bad one is named by its place."""
    out: list[R] = []
    for n, item in enumerate(items, 1):
        try:
            out.append(record(cls, item))
        except ValidationError as exc:
            raise ValidationError(f"{section} #{n}: {exc}", code="bad_import_at", where=f"{section} #{n}") from exc
    return out


def _from_dict(data: Mapping[str, Any]) -> ProjectData:
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise ValidationError("not a partnership export", code="bad_import", what="format")
    try:
        project = record(Project, {"id": "", **data["project"]})
        fields_ = {}
        for key, value in dict(data.get("fields", {})).items():
            validation.field_key(key)
            fv = record(FieldValue, {"key": key, **value})
            validation.text(fv.value, what=key)
            fields_[key] = fv
        snap = Snapshot(
            project=project,
            role=Role.OWNER,
            revision=0,
            fields=fields_,
            candidates=_records(Candidate, data.get("candidates", []), "candidates"),
            people=_records(Person, data.get("people", []), "people"),
            tasks=_records(Task, data.get("tasks", []), "tasks"),
            approvals=[record(Approval, a) for a in data.get("approvals", [])],
            signed_versions=[record(AgreementVersion, v) for v in data.get("signed_versions", [])],
            health_checks=_records(HealthCheck, data.get("health_checks", []), "health_checks"),
            invitation=str(data.get("invitation", "")),
            funding=_records(FundingApplication, data.get("funding", []), "funding"),
            term=_term(data.get("term")),
        )
        book = exchange_after.read_meetings(data.get("meetings"), {p.id for p in snap.people})
        snap = replace(snap, term=exchange_after.read_term_extra(data.get("term"), snap.term))
        history = [record(HistoryEntry, {"id": i, **h}) for i, h in enumerate(data.get("history", []))]
        for entry in history:
            if entry.entity in ("candidate", "person", "task"):
                for side in (entry.old, entry.new):
                    if side and not isinstance(json.loads(side), dict):
                        raise ValueError(f"history entry {entry.target}: not a record")
    except (KeyError, TypeError, AttributeError, IndexError, ValueError) as exc:
        raise ValidationError(f"not a partnership export: {exc}", code="bad_import", what="format") from exc
    return ProjectData(snap, list(reversed(history)), meetings=book)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _term(data: Any) -> Term:
    """The period of an export (issue 25); none in a file from before."""
    if data is None:
        return Term()
    return Term(start=_d(data.get("start")), end=_d(data.get("end")))


def hide_earlier_partner_org(record_json: str, current: str) -> str:
    """A project history record (JSON text) as partner and viewer see it: a partner
    organisation other than today's - a candidate asked before the yes, perhaps one that
    refused - is left out (shown as none). The SQL function history() does the same."""
    if not record_json:
        return record_json
    try:
        data = json.loads(record_json)
    except ValueError:
        return record_json
    if not isinstance(data, dict) or data.get("partner_org") in (None, "", current):
        return record_json
    return json.dumps({**data, "partner_org": ""}, ensure_ascii=False)


def is_joint_history(entity: str, target: str, new: str, old: str) -> bool:
    """Whether a history entry is about content a partner or viewer may see."""
    if entity == "field":
        spec = FIELD_BY_KEY.get(target)
        return spec is not None and not spec.internal
    if entity == "candidate":
        return False
    if entity == "task":
        return not any(json.loads(t or "{}").get("internal", False) for t in (old, new))
    return True

"""What an imported file must satisfy, record by record: the same rules as the forms.

An export file is untrusted input (anyone can write one), so every record goes through
``partnership.validation`` exactly as if it had been typed, and the first problem is
reported with where it is (``err.bad_import_at``: "tasks #3: the title is too long").
Approvals and the signed state are never imported: a new project starts unsigned, and
must be approved again by both sides (an import cannot prove who signed). The file's
signed agreement versions come back as history entries ``signed_version`` (their text,
fingerprint and time: ``signed_history``), never as signed versions or approvals. The
file's history is kept, behind an "import" entry that marks everything before it as
imported (read only) and says what came along and what was left out.
Pure functions, no I/O.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from partnership import funding, health, usertext, validation
from partnership.errors import ValidationError
from partnership.meetings import ENTITIES as MEETING_ENTITIES
from partnership.model import AgreementVersion, HistoryEntry, Role, Snapshot
from partnership.steps import MAX_NAME, MAX_TEXT

MAX_ID = 64
MAX_VERSION = 2**31 - 1  # PostgreSQL's integer
MAX_POSITION = 1_000_000
MAX_HISTORY_TEXT = 100_000  # the SQL table's check
HISTORY_ENTITIES = frozenset({"field", "candidate", "person", "task", "project", "approval", "agreement", "health",
                              "import", "signed_version",
                              "funding", "term", "evaluation"}) | frozenset(MEETING_ENTITIES)
IMPORT_ENTITY = "import"
"""The history entry an import adds last: everything before it came from the file."""
SIGNED_ENTITY = "signed_version"
"""A history entry holding an imported signed version's text (read only, not a signature)."""


def parse_json(raw: bytes | str) -> Any:
    """JSON text (UTF-8 bytes or str) as Python data; ValidationError for anything that
    is not readable JSON, including nesting too deep for the parser."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return json.loads(text)
    except RecursionError:
        raise ValidationError("the file is nested too deeply", code="too_deep", what="format") from None
    except (UnicodeError, ValueError) as exc:
        raise ValidationError(f"not JSON: {exc}", code="bad_import", what="format") from None


def at(where: str, *checks: Callable[[], object]) -> None:
    """Run each check; a ValidationError is reported as the file's problem at ``where``."""
    try:
        for check in checks:
            check()
    except ValidationError as exc:
        if exc.code in ("bad_import_at", "too_deep"):
            raise
        raise ValidationError(f"{where}: {exc}", code="bad_import_at", where=where) from exc


def version(value: object, *, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_VERSION:
        raise ValidationError(f"{what}: not a version number", code="bad_number", what=what,
                              low=0, high=MAX_VERSION)
    return value


def record_id(value: object, *, what: str) -> str:
    return validation.text(value, what=what, limit=MAX_ID, required=True)


def timestamp(value: datetime | None, *, what: str) -> None:
    if value is not None and not validation.YEAR_MIN <= value.year <= validation.YEAR_MAX:
        raise ValidationError(f"{what}: out of range", code="date_range", what=what,
                              low=validation.YEAR_MIN, high=validation.YEAR_MAX)


def _content(record: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {n: getattr(record, n) for n in names}


def check_snapshot(snap: Snapshot) -> Snapshot:
    """Every record of ``snap`` checked; returns it unsigned and without approvals."""
    p = snap.project
    at("project",
       lambda: validation.name(p.title, what="project.title"),
       lambda: validation.name(p.our_org, what="project.our_org"),
       lambda: validation.text(p.partner_org, what="project.partner_org", limit=MAX_NAME),
       lambda: validation.text(p.website, what="project.website", limit=MAX_NAME),
       lambda: validation.text(p.created_by, what="project.created_by", limit=MAX_NAME),
       lambda: version(p.version, what="project.version"),
       lambda: timestamp(p.created_at, what="project.created_at"))
    at("invitation", lambda: validation.text(snap.invitation, what="invitation"))
    for key, fv in snap.fields.items():
        at(f"fields.{key}",
           lambda: validation.text(fv.value, what=fv.key, limit=MAX_TEXT),  # noqa: B023 - run at once
           lambda: version(fv.version, what=fv.key),  # noqa: B023
           lambda: validation.text(fv.updated_by, what="updated_by", limit=MAX_NAME),  # noqa: B023
           lambda: timestamp(fv.updated_at, what=fv.key))  # noqa: B023
    person_ids = {""}
    for n, person in enumerate(snap.people, 1):
        at(f"people #{n}",
           lambda: record_id(person.id, what="person.id"),  # noqa: B023
           lambda: validation.person_changes(_content(person, validation.PERSON_FIELDS)),  # noqa: B023
           lambda: version(person.version, what="person.version"))  # noqa: B023
        person_ids.add(person.id)
    for n, cand in enumerate(snap.candidates, 1):
        at(f"candidates #{n}",
           lambda: record_id(cand.id, what="candidate.id"),  # noqa: B023
           lambda: validation.candidate_changes(_content(cand, validation.CANDIDATE_FIELDS)),  # noqa: B023
           lambda: version(cand.version, what="candidate.version"),  # noqa: B023
           lambda: _position(cand.position))  # noqa: B023
    for n, task in enumerate(snap.tasks, 1):
        at(f"tasks #{n}",
           lambda: record_id(task.id, what="task.id"),  # noqa: B023
           lambda: validation.task_changes(_content(task, validation.TASK_FIELDS)),  # noqa: B023
           lambda: validation.task_dates(task.start, task.due),  # noqa: B023
           lambda: version(task.version, what="task.version"),  # noqa: B023
           lambda: _responsible(task.responsible, person_ids))  # noqa: B023
    for n, check in enumerate(snap.health_checks, 1):
        at(f"health_checks #{n}",
           lambda: record_id(check.id, what="health.id"),  # noqa: B023
           lambda: validation.name(check.name, what="health.name"),  # noqa: B023
           lambda: health.validate_answers(check.answers),  # noqa: B023
           lambda: timestamp(check.at, what="health.at"))  # noqa: B023
    for n, application in enumerate(snap.funding, 1):  # issue 25
        at(f"funding #{n}",
           lambda: record_id(application.id, what="funding.id"),  # noqa: B023
           lambda: funding.check(application.fund, application.note),  # noqa: B023
           lambda: funding.amount_in_range(application.amount),  # noqa: B023
           lambda: validation.a_date(application.deadline, what="funding.deadline"),  # noqa: B023
           lambda: version(application.version, what="funding.version"),  # noqa: B023
           lambda: _responsible(application.responsible, person_ids))  # noqa: B023
    at("term", lambda: validation.a_date(snap.term.start, what="term.start"),
       lambda: validation.a_date(snap.term.end, what="term.end"),
       lambda: validation.task_dates(snap.term.start, snap.term.end))
    project = replace(p, signed_at=None, signed_hash="")
    return replace(snap, project=project, approvals=[], signed_versions=[])


def _position(value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_POSITION:
        raise ValidationError("candidate.position: out of range", code="bad_number", what="candidate.position",
                              low=1, high=MAX_POSITION)


def _responsible(value: str, person_ids: set[str]) -> None:
    if value not in person_ids:
        raise ValidationError("task.responsible: no such person", code="bad_choice", what="task.responsible")


def check_history(history: list[HistoryEntry]) -> None:
    for n, entry in enumerate(history, 1):
        at(f"history #{n}",
           lambda: entry.entity in HISTORY_ENTITIES or _bad("history.entity"),  # noqa: B023 - run at once
           lambda: validation.text(entry.target, what="history.target", limit=200),  # noqa: B023
           lambda: validation.text(entry.actor, what="history.actor", limit=MAX_NAME),  # noqa: B023
           lambda: validation.text(entry.old, what="history.old", limit=MAX_HISTORY_TEXT),  # noqa: B023
           lambda: validation.text(entry.new, what="history.new", limit=MAX_HISTORY_TEXT),  # noqa: B023
           lambda: version(entry.version, what="history.version"),  # noqa: B023
           lambda: timestamp(entry.at, what="history.at"))  # noqa: B023


def _bad(what: str) -> bool:
    raise ValidationError(f"{what}: not allowed", code="bad_choice", what=what)


def import_marker(history: list[HistoryEntry], creator: str, at_: datetime, count: Mapping[str, int]) -> HistoryEntry:
    """The entry that closes the imported history: who imported how much, and when."""
    new = json.dumps({"entries": len(history), **count}, sort_keys=True)
    return HistoryEntry(0, IMPORT_ENTITY, "", creator, Role.OWNER, at_, "", new, 1)


def signed_history(versions: list[AgreementVersion]) -> list[HistoryEntry]:
    """The file's signed versions as read-only history entries (newest first): the text as
    it was signed (cut to what a history entry holds, said by ``cut``), its fingerprint and
    when. ValidationError names a bad one."""
    out = []
    for n, v in enumerate(versions, 1):
        at(f"signed_versions #{n}",
           lambda: record_id(v.id, what="signed_version.id"),  # noqa: B023 - run at once
           lambda: validation.text(v.content_hash, what="signed_version.content_hash", limit=64),  # noqa: B023
           lambda: timestamp(v.signed_at, what="signed_version.signed_at"))  # noqa: B023
        text = usertext.clean(str(v.markdown))
        body: dict[str, object] = {"content_hash": v.content_hash, "signed_at": v.signed_at.isoformat(),
                                   "markdown": text}
        new = json.dumps(body, ensure_ascii=False, sort_keys=True)
        if len(new) > MAX_HISTORY_TEXT:
            room = MAX_HISTORY_TEXT - (len(new) - len(text)) - 40
            body = {**body, "markdown": text[:max(room, 0)], "cut": True}
            new = json.dumps(body, ensure_ascii=False, sort_keys=True)
        out.append(HistoryEntry(0, SIGNED_ENTITY, v.id, "", Role.OWNER, v.signed_at, "", new, 1))
    return sorted(out, key=lambda e: e.at, reverse=True)


def merge_newest_first(history: list[HistoryEntry], more: list[HistoryEntry]) -> list[HistoryEntry]:
    """``more`` placed by time into ``history`` (both newest first), the order of
    ``history`` itself unchanged."""
    out: list[HistoryEntry] = []
    rest = list(more)
    for entry in history:
        while rest and rest[0].at >= entry.at:
            out.append(rest.pop(0))
        out.append(entry)
    return out + rest

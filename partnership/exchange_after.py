"""What the export carries of the time after signing (issue 25): the follow-up meetings
(the rhythm, every meeting with its agenda, minutes, decisions, participants and whether
it was cancelled), the term's evaluations and its outcome; and the checks an import makes
of them (``import_rules`` style: the forms' and the SQL functions' rules, the first
problem named by its place). ``exchange`` calls these; pure, no I/O.

The SQL (``import_meetings_term``, migration ``_meeting_records``) checks everything again.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from partnership import health, import_rules, validation
from partnership.errors import ValidationError
from partnership.meetings import Meeting, Meetings, Rhythm
from partnership.model_term import Evaluation, Outcome, Term
from partnership.steps import MAX_NAME, MAX_TEXT

MAX_MEETINGS = 500
"""The store's cap (``limit_settings`` 'meetings'; also the most evaluations)."""
MAX_LIST = 60
MAX_ITEM = 1000
MAX_PLACE = 500
MAX_REASON = 1000
MAX_CLOSED_NOTE = 2100
WIRE_FIELDS = ("day", "time", "duration", "place", "participants", "agenda", "decisions", "task_ids", "slot",
               "version", "updated_by", "updated_at", "notes", "notes_version", "notes_by", "notes_at",
               "cancelled_at", "cancelled_by", "cancel_reason")


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def meeting_dict(m: Meeting) -> dict[str, Any]:
    return {"id": m.id, "day": m.day.isoformat(), "time": f"{m.time:%H:%M}", "duration": m.duration,
            "place": m.place, "participants": list(m.participants), "agenda": list(m.agenda),
            "decisions": list(m.decisions), "task_ids": list(m.task_ids), "slot": _iso(m.slot),
            "version": m.version, "updated_by": m.updated_by, "updated_at": _iso(m.updated_at), "notes": m.notes,
            "notes_version": m.notes_version, "notes_by": m.notes_by, "notes_at": _iso(m.notes_at),
            "cancelled_at": _iso(m.cancelled_at), "cancelled_by": m.cancelled_by, "cancel_reason": m.cancel_reason}


def rhythm_dict(r: Rhythm) -> dict[str, Any]:
    return {"every_weeks": r.every_weeks, "weekday": r.weekday, "time": f"{r.time:%H:%M}", "duration": r.duration,
            "place": r.place, "participants": list(r.participants), "first_day": r.first_day.isoformat(),
            "until": r.until.isoformat(), "active": r.active, "version": r.version, "updated_by": r.updated_by,
            "updated_at": _iso(r.updated_at)}


def meetings_dict(book: Meetings) -> dict[str, Any]:
    """The export's ``meetings`` section."""
    return {"rhythm": rhythm_dict(book.rhythm) if book.rhythm is not None else None,
            "meetings": [meeting_dict(m) for m in book.meetings]}


def term_extra(term: Term) -> dict[str, Any]:
    """What the export's ``term`` holds beside the period: the evaluations and the outcome
    (the sides' pending choices stay behind: a new project chooses anew)."""
    return {
        "evaluations": [{"id": e.id, "side": e.side.value, "name": e.name, "at": e.at.isoformat(),
                         "answers": {k: list(v) for k, v in e.answers.items()}, "reached": e.reached}
                        for e in term.evaluations],
        "outcome": term.outcome.value if term.outcome is not None else "",
        "outcome_at": _iso(term.outcome_at), "closed_at": _iso(term.closed_at), "closed_note": term.closed_note,
    }


# -- reading an export ---------------------------------------------------------------------


def _dt(value: Any, what: str) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        found = datetime.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"{what}: not a timestamp", code="bad_date", what=what) from None
    import_rules.timestamp(found, what=what)
    return found


def _day(value: Any, what: str, *, required: bool = False) -> date | None:
    if value in (None, ""):
        if required:
            raise ValidationError(f"{what}: required", code="required", what=what)
        return None
    try:
        found = date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"{what}: not a date", code="bad_date", what=what) from None
    return validation.a_date(found, what=what)


def _clock(value: Any, what: str) -> time:
    try:
        return time.fromisoformat(str(value).replace(".", ":"))
    except ValueError:
        raise ValidationError(f"{what}: not a time of day", code="bad_time", what=what) from None


def _whole(value: Any, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(f"{what}: not a whole number in range", code="bad_number", what=what, low=low,
                              high=high)
    return value


def _texts(value: Any, what: str, limit: int = MAX_ITEM) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise ValidationError(f"{what}: not a list", code="invalid", what=what)
    if len(value) > MAX_LIST:
        raise ValidationError(f"{what}: too many", code="too_many", what=what, limit=MAX_LIST)
    return tuple(validation.text(v, what=what, limit=limit) for v in value)


def _text(data: Mapping[str, Any], key: str, what: str, limit: int) -> str:
    return validation.text(data.get(key) or "", what=what, limit=limit)


def _meeting(data: Any, people: set[str]) -> Meeting:
    if not isinstance(data, Mapping):
        raise ValidationError("meeting: not a record", code="bad_import", what="meetings")
    unknown = set(data) - {"id", *WIRE_FIELDS}
    if unknown:
        raise ValidationError(f"meeting: unknown attribute {sorted(unknown)[0]!r}", code="unknown_field",
                              what=sorted(unknown)[0])
    participants = _texts(data.get("participants") or [], "meeting.participants", import_rules.MAX_ID)
    if any(p not in people for p in participants):
        raise ValidationError("meeting.participants: no such person", code="bad_choice", what="meeting.participants")
    day = _day(data.get("day"), "meeting.day", required=True)
    assert day is not None
    return Meeting(
        id=import_rules.record_id(data.get("id"), what="meeting.id"), day=day,
        time=_clock(data.get("time"), "meeting.time"),
        duration=_whole(data.get("duration", 60), "meeting.duration", 15, 720),
        place=_text(data, "place", "meeting.place", MAX_PLACE), participants=participants,
        agenda=_texts(data.get("agenda") or [], "meeting.agenda"),
        decisions=_texts(data.get("decisions") or [], "meeting.decisions"),
        task_ids=_texts(data.get("task_ids") or [], "meeting.task_ids", import_rules.MAX_ID),
        slot=_day(data.get("slot"), "meeting.slot"),
        version=max(1, import_rules.version(data.get("version", 1), what="meeting.version")),
        updated_by=_text(data, "updated_by", "meeting.updated_by", MAX_NAME),
        updated_at=_dt(data.get("updated_at"), "meeting.updated_at"),
        notes=_text(data, "notes", "meeting.notes", MAX_TEXT),
        notes_version=import_rules.version(data.get("notes_version", 0), what="meeting.notes_version"),
        notes_by=_text(data, "notes_by", "meeting.notes_by", MAX_NAME),
        notes_at=_dt(data.get("notes_at"), "meeting.notes_at"),
        cancelled_at=_dt(data.get("cancelled_at"), "meeting.cancelled_at"),
        cancelled_by=_text(data, "cancelled_by", "meeting.cancelled_by", MAX_NAME),
        cancel_reason=_text(data, "cancel_reason", "meeting.cancel_reason", MAX_REASON),
    )


def _rhythm(data: Any, people: set[str]) -> Rhythm:
    if not isinstance(data, Mapping):
        raise ValidationError("rhythm: not a record", code="bad_import", what="rhythm")
    participants = _texts(data.get("participants") or [], "rhythm.participants", import_rules.MAX_ID)
    if any(p not in people for p in participants):
        raise ValidationError("rhythm.participants: no such person", code="bad_choice", what="rhythm.participants")
    first = _day(data.get("first_day"), "rhythm.first_day", required=True)
    until = _day(data.get("until"), "rhythm.until", required=True)
    assert first is not None and until is not None
    validation.task_dates(first, until)
    return Rhythm(
        every_weeks=_whole(data.get("every_weeks"), "rhythm.every_weeks", 1, 52),
        weekday=_whole(data.get("weekday"), "rhythm.weekday", 0, 6), time=_clock(data.get("time"), "rhythm.time"),
        duration=_whole(data.get("duration", 60), "rhythm.duration", 15, 720),
        place=_text(data, "place", "rhythm.place", MAX_PLACE), participants=participants, first_day=first,
        until=until, active=bool(data.get("active", True)),
        version=max(1, import_rules.version(data.get("version", 1), what="rhythm.version")),
        updated_by=_text(data, "updated_by", "rhythm.updated_by", MAX_NAME),
        updated_at=_dt(data.get("updated_at"), "rhythm.updated_at"))


def read_meetings(data: Any, people: set[str]) -> Meetings:
    """The export's ``meetings`` section, checked (none in a file from before)."""
    if data is None:
        return Meetings()
    if not isinstance(data, Mapping):
        raise ValidationError("meetings: not a record", code="bad_import", what="meetings")
    items = data.get("meetings") or []
    if not isinstance(items, list):
        raise ValidationError("meetings: not a list", code="bad_import", what="meetings")
    if len(items) > MAX_MEETINGS:
        raise ValidationError("meetings: too many", code="too_many", what="meetings", limit=MAX_MEETINGS)
    rhythm: Rhythm | None = None
    if data.get("rhythm") is not None:
        import_rules.at("meetings.rhythm", lambda: _rhythm(data["rhythm"], people))
        rhythm = _rhythm(data["rhythm"], people)
    found: list[Meeting] = []
    for n, item in enumerate(items, 1):
        import_rules.at(f"meetings #{n}", lambda: found.append(_meeting(item, people)))  # noqa: B023 - run at once
    return Meetings(rhythm, found)


def _evaluation(data: Any) -> Evaluation:
    if not isinstance(data, Mapping):
        raise ValidationError("evaluation: not a record", code="bad_import", what="evaluations")
    from partnership.model import Side

    raw = data.get("answers") or {}
    if not isinstance(raw, Mapping):
        raise ValidationError("evaluation.answers: not a mapping", code="bad_choice", what="health.answers")
    answers = {str(k): (str(v[0]), str(v[1]) if len(v) > 1 else "") for k, v in raw.items()
               if isinstance(v, list | tuple) and v}
    if len(answers) != len(raw):
        raise ValidationError("evaluation.answers: not (rating, comment)", code="bad_choice", what="health.answers")
    if answers:
        health.validate_answers(answers)
    at = _dt(data.get("at"), "evaluation.at")
    return Evaluation(id=import_rules.record_id(data.get("id"), what="evaluation.id"),
                      side=validation.choice(data.get("side"), Side, what="evaluation.side"),
                      name=validation.name(data.get("name"), what="evaluation.name"),
                      at=at or datetime.now().astimezone(), answers=answers,
                      reached=_text(data, "reached", "evaluation.reached", MAX_TEXT))


def read_term_extra(data: Any, term: Term) -> Term:
    """``term`` with the export's evaluations and outcome, checked."""
    if not isinstance(data, Mapping):
        return term
    items = data.get("evaluations") or []
    if not isinstance(items, list) or len(items) > MAX_MEETINGS:
        raise ValidationError("evaluations: not a list", code="bad_import", what="evaluations")
    found: list[Evaluation] = []
    for n, item in enumerate(items, 1):
        import_rules.at(f"evaluations #{n}", lambda: found.append(_evaluation(item)))  # noqa: B023 - run at once
    outcome: Outcome | None = None
    closed_note = ""
    closed_at = outcome_at = None

    def check_outcome() -> None:
        nonlocal outcome, closed_note, closed_at, outcome_at
        raw = data.get("outcome") or ""
        outcome = validation.choice(raw, Outcome, what="outcome") if raw else None
        outcome_at = _dt(data.get("outcome_at"), "term.outcome_at")
        if outcome is Outcome.CLOSE:
            closed_at = _dt(data.get("closed_at"), "term.closed_at")
            closed_note = _text(data, "closed_note", "term.closed_note", MAX_CLOSED_NOTE)

    import_rules.at("term", check_outcome)
    return Term(start=term.start, end=term.end, outcome=outcome, outcome_at=outcome_at, closed_at=closed_at,
                closed_note=closed_note, evaluations=tuple(found))

"""Calendar export: the agreement's tasks and follow-up meetings as an iCalendar file.

Every task with a date becomes an all-day VEVENT: DTSTART is its start (or its due
date), DTEND the day after its due date (iCalendar's end is exclusive). The UID is
stable per task (``<task id>@partnerskab``) so a re-imported file updates the events
instead of doubling them; SEQUENCE follows the task's version. Escaping and line
folding are left to the icalendar library. Pure: bytes out, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from partnership.i18n import t
from partnership.model import Person, Side, Task
from partnership.validation import YEAR_MAX, YEAR_MIN

PRODID = "-//Partnerskabsvaerktoejet//Partnerskab//DA"
UID_DOMAIN = "partnerskab"


def task_uid(task: Task) -> str:
    return f"{task.id}@{UID_DOMAIN}"


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


_CONTROL = {c: None for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F)}


def _clean(text: str) -> str:
    """Text fit for an iCalendar TEXT value: line breaks as "\\n", no other control
    characters (RFC 5545 allows only HTAB among them); icalendar escapes the rest."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL)


def _days(task: Task) -> tuple[date, date] | None:
    """(first day, last day inclusive) of a task, or None if it has no date."""
    first = task.start if task.start is not None else task.due
    last = task.due if task.due is not None else task.start
    if first is None or last is None:
        return None
    return (first, last) if first <= last else (last, first)


def tasks_to_ics(
    tasks: Sequence[Task],
    people: Sequence[Person],
    *,
    project_title: str,
    person_id: str | None = None,
    lang: str = "da",
    our_org: str = "",
    partner_org: str = "",
    now: datetime | None = None,
) -> bytes:
    """The tasks (all kinds) that have a date, as an .ics calendar.

    With ``person_id``, only the tasks that person is responsible for. ``now`` is the
    DTSTAMP (default: the current UTC time); each event's LAST-MODIFIED is the task's
    ``updated_at`` when known. Tasks passed in are exported as they are: leave internal
    tasks out for a partner or viewer before calling.
    """
    stamp = _utc(now) if now is not None else datetime.now(UTC)
    names = {p.id: p.name for p in people}
    side_names = {
        Side.ASSOCIATION: our_org.strip() or t("timeline.side.association", lang),
        Side.PARTNER: partner_org.strip() or t("timeline.side.partner", lang),
    }
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if person_id is not None:
        calendar_name = t("calendar.name_person", lang, title=project_title, name=names.get(person_id, ""))
    else:
        calendar_name = t("calendar.name", lang, title=project_title)
    cal.add("x-wr-calname", " ".join(_clean(calendar_name).split()))  # X- values are not escaped

    for task in tasks:
        if person_id is not None and task.responsible != person_id:
            continue
        days = _days(task)
        if days is None or not all(YEAR_MIN <= d.year <= YEAR_MAX for d in days):
            continue  # undated, or a date from before the bounds that would overflow
        first, last = days
        kind = t(f"timeline.kind.{task.kind.value}", lang)
        lines = [
            f"{t('timeline.hover.kind', lang)}: {kind}",
            f"{t('timeline.hover.responsible', lang)}: "
            f"{_clean(names.get(task.responsible, '')) or t('timeline.unassigned', lang)}",
            f"{t('timeline.hover.side', lang)}: {_clean(side_names[task.side])}",
            f"{t('timeline.hover.status', lang)}: {t(f'timeline.status.{task.status.value}', lang)}",
        ]
        if task.note.strip():
            lines += ["", _clean(task.note)]
        event = Event()
        event.add("uid", task_uid(task))
        event.add("dtstamp", stamp)
        event.add("dtstart", first)
        event.add("dtend", last + timedelta(days=1))
        event.add("summary", _clean(task.title))
        event.add("description", "\n".join(lines))
        event.add("categories", [kind])
        event.add("transp", "TRANSPARENT")
        event.add("sequence", max(0, task.version - 1))
        if task.updated_at is not None:
            event.add("last-modified", _utc(task.updated_at))
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data

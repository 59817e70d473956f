"""Calendar export: the agreement's tasks and follow-up meetings as an iCalendar file.

- A task, activity or milestone with a date is an all-day VEVENT: DTSTART its start (or
  its due date), DTEND the day after its due date (iCalendar's end is exclusive). When
  it has a due date it carries a reminder (VALARM) the day before the deadline.
- A recurring activity ("Lektiecafé hver tirsdag", "ugentlig", "every Tuesday") is one
  weekly series (RRULE FREQ=WEEKLY, BYDAY, UNTIL the due date) starting on its first
  such weekday, instead of one event spanning months.
- A follow-up meeting is a timed event in Danish time (Europe/Copenhagen, with its
  VTIMEZONE) on its date: at the time written in its title or note ("kl. 17.30",
  "kl. 17-18.30", "at 17:30"), else at 17.00 for an hour with a line saying the time is
  not agreed yet; with a reminder the day before. Its text is worded as a meeting.

The UID is stable per task (``<task id>@partnerskab``) so a re-imported file updates the
events instead of doubling them; SEQUENCE follows the task's version. This module works
out the events as plain data (pure, no I/O); ``partnership.render.calendar_ics`` writes
them as an .ics file, leaving escaping and line folding to the icalendar library.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from partnership.i18n import TIMEZONE, t
from partnership.model import Person, Side, Task, TaskKind
from partnership.task_status import label_key
from partnership.timeline import side_names
from partnership.validation import YEAR_MAX, YEAR_MIN

PRODID = "-//Partnerskabsvaerktoejet//Partnerskab//DA"
UID_DOMAIN = "partnerskab"


def task_uid(task: Task) -> str:
    return f"{task.id}@{UID_DOMAIN}"


def utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


_CONTROL = {c: None for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F)}


def clean(text: str) -> str:
    """Text fit for an iCalendar TEXT value: line breaks as "\\n", no other control
    characters (RFC 5545 allows only HTAB among them); icalendar escapes the rest."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL)


_WEEKDAYS = {
    "mandag": 0, "tirsdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lørdag": 5, "søndag": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_EVERY_DAY = re.compile(r"\b(?:hver|alle|every|om)\s+(" + "|".join(_WEEKDAYS) + r")(?:e|en|s)?\b", re.I)
_WEEKLY = re.compile(r"\b(?:ugentlig(?:t|e)?|hver\s+uge|weekly|every\s+week)\b", re.I)
_TIME = re.compile(r"\b(?:kl\.?|klokken|at)\s*([01]?\d|2[0-3])(?:[.:]([0-5]\d))?"
                   r"(?:\s*[-–]\s*([01]?\d|2[0-3])(?:[.:]([0-5]\d))?)?", re.I)
MEETING_START = time(17, 0)
"""When a meeting's time is not written anywhere: the usual evening meeting of a forening."""
MEETING_LENGTH = timedelta(hours=1)
REMINDER = timedelta(days=1)


def weekly_day(task: Task) -> int | None:
    """The weekday (0 = Monday) a recurring activity happens on, read from its title or
    note ("hver tirsdag", "alle torsdage", "ugentlig" = the start's weekday), or None.
    Only activities with a period longer than a week recur."""
    if task.kind is not TaskKind.ACTIVITY or task.start is None or task.due is None:
        return None
    if (task.due - task.start).days < 7:
        return None
    text = f"{task.title}\n{task.note}"
    named = _EVERY_DAY.search(text)
    if named:
        return _WEEKDAYS[named.group(1).casefold()]
    return task.start.weekday() if _WEEKLY.search(text) else None


def meeting_time(task: Task) -> tuple[time, time] | None:
    """The (start, end) time of day written in the title or note, or None."""
    found = _TIME.search(f"{task.title}\n{task.note}")
    if not found:
        return None
    begin = time(int(found.group(1)), int(found.group(2) or 0))
    if found.group(3):
        end = time(int(found.group(3)), int(found.group(4) or 0))
        if end > begin:
            return begin, end
    stop = datetime.combine(date.min, begin) + MEETING_LENGTH
    return begin, (stop.time() if stop.date() == date.min else time(23, 59))


def _days(task: Task) -> tuple[date, date] | None:
    """(first day, last day inclusive) of a task, or None if it has no date."""
    first = task.start if task.start is not None else task.due
    last = task.due if task.due is not None else task.start
    if first is None or last is None:
        return None
    return (first, last) if first <= last else (last, first)


@dataclass(frozen=True)
class Reminder:
    """A VALARM: ``text`` shown ``trigger`` after the event's start (or its end)."""

    text: str
    trigger: timedelta
    related_end: bool = False


@dataclass(frozen=True)
class CalendarEvent:
    """One VEVENT as plain data. ``start``/``end`` are dates (all day, end exclusive) or
    datetimes in Danish time; ``weekly`` is a recurrence (``{"freq", "byday", "until"}``,
    with ``"interval"`` for a meeting rhythm)."""

    uid: str
    summary: str
    description: str
    categories: list[str]
    start: date | datetime
    end: date | datetime
    transparent: bool
    sequence: int
    weekly: dict[str, Any] | None = None
    reminder: Reminder | None = None
    last_modified: datetime | None = None
    location: str = ""
    attendees: tuple[tuple[str, str], ...] = ()
    """(name, e-mail) of the participants whose address is known (ATTENDEE, mailto)."""
    recurrence_id: datetime | None = None
    """For one changed meeting of a series: the series' start it replaces (RECURRENCE-ID)."""
    exdates: tuple[datetime, ...] = ()
    """Starts of a series with no meeting (EXDATE)."""
    cancelled: bool = False
    """A meeting called off (STATUS:CANCELLED; on a series' RECURRENCE-ID, that one day)."""


@dataclass(frozen=True)
class CalendarFile:
    """The calendar's name (X-WR-CALNAME) and its events, in the order of the tasks."""

    name: str
    events: list[CalendarEvent] = field(default_factory=list)


def _reminder(text: str, trigger: timedelta, *, related_end: bool = False) -> Reminder:
    return Reminder(" ".join(clean(text).split()), trigger, related_end)


def _description(task: Task, names: dict[str, str], sides: dict[Side, str], lang: str) -> list[str]:
    lines = [
        f"{t('timeline.hover.kind', lang)}: {t(f'timeline.kind.{task.kind.value}', lang)}",
        f"{t('timeline.hover.responsible', lang)}: "
        f"{clean(names.get(task.responsible, '')) or t('timeline.unassigned', lang)}",
        f"{t('timeline.hover.side', lang)}: {clean(sides[task.side])}",
        f"{t('timeline.hover.status', lang)}: {t(label_key(task.status), lang)}",
    ]
    if task.note.strip():
        lines += ["", clean(task.note)]
    return lines


def _event(task: Task, days: tuple[date, date], lines: list[str], lang: str) -> CalendarEvent:
    """The task as an event: a meeting at its time, a weekly series, or all-day days."""
    first, last = days
    title = clean(task.title)
    kind = t(f"timeline.kind.{task.kind.value}", lang)
    start: date | datetime
    end: date | datetime
    weekly: dict[str, Any] | None = None
    reminder: Reminder | None = None
    if task.kind is TaskKind.FOLLOW_UP:
        hours = meeting_time(task)
        if hours is None:
            lines.append(t("calendar.time_unset", lang))
        begin, stop = hours or (MEETING_START, (datetime.combine(date.min, MEETING_START) + MEETING_LENGTH).time())
        start, end = datetime.combine(last, begin, tzinfo=TIMEZONE), datetime.combine(last, stop, tzinfo=TIMEZONE)
        reminder = _reminder(t("calendar.alarm_meeting", lang, title=title), -REMINDER)
    elif (weekday := weekly_day(task)) is not None:
        start = first + timedelta(days=(weekday - first.weekday()) % 7)
        end = start + timedelta(days=1)
        weekly = {"freq": "weekly", "byday": _BYDAY[weekday], "until": last}
    else:
        start, end = first, last + timedelta(days=1)
        if task.due is not None:  # a deadline: remind the day before it
            reminder = _reminder(t("calendar.alarm_due", lang, title=title), -2 * REMINDER, related_end=True)
    return CalendarEvent(
        uid=task_uid(task), summary=title, description="\n".join(lines), categories=[kind], start=start, end=end,
        transparent=task.kind is not TaskKind.FOLLOW_UP, sequence=max(0, task.version - 1), weekly=weekly,
        reminder=reminder, last_modified=utc(task.updated_at) if task.updated_at is not None else None,
    )


def calendar_events(
    tasks: Sequence[Task],
    people: Sequence[Person],
    *,
    project_title: str,
    person_id: str | None = None,
    lang: str = "da",
    our_org: str = "",
    partner_org: str = "",
) -> CalendarFile:
    """The tasks (all kinds) that have a date, as calendar events.

    With ``person_id``, only the tasks that person is responsible for. Tasks passed in
    are exported as they are: leave internal tasks out for a partner or viewer first.
    """
    names = {p.id: p.name for p in people}
    sides = side_names(our_org, partner_org, lang)
    if person_id is not None:
        calendar_name = t("calendar.name_person", lang, title=project_title, name=names.get(person_id, ""))
    else:
        calendar_name = t("calendar.name", lang, title=project_title)
    found = CalendarFile(" ".join(clean(calendar_name).split()))  # X- values are not escaped
    for task in tasks:
        if person_id is not None and task.responsible != person_id:
            continue
        days = _days(task)
        if days is None or not all(YEAR_MIN <= d.year <= YEAR_MAX for d in days):
            continue  # undated, or a date from before the bounds that would overflow
        found.events.append(_event(task, days, _description(task, names, sides, lang), lang))
    return found

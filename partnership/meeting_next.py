"""The one "next follow-up meeting" (issue 25): the follow-up plan has meetings in two
places - follow-up *tasks* (step 5's "Opfølgningsmøder", part of the signed agreement's
text) and meeting *records* (the timeline's "Møder" tab: time, place, agenda, minutes).
A volunteer sees one list of meetings: the earliest upcoming one of either is the next,
and a follow-up task and a meeting record on the same day are one meeting (the record
gives its time and place, the task its title and who is responsible). A meeting record
that is cancelled takes a follow-up task on its day with it.

The tasks stay (they are the agreement's words, and a signed text does not change when a
meeting is planned); the records are how the meetings are held. Pure, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from partnership.meetings import Meeting, Meetings
from partnership.model import Task, TaskKind, TaskStatus


@dataclass(frozen=True)
class Upcoming:
    """One coming meeting: a meeting record, a follow-up task, or both on one day."""

    day: date
    meeting: Meeting | None = None
    task: Task | None = None

    @property
    def time(self) -> time | None:
        return self.meeting.time if self.meeting is not None else None

    @property
    def place(self) -> str:
        return self.meeting.place if self.meeting is not None else ""

    @property
    def title(self) -> str:
        return self.task.title if self.task is not None else ""

    @property
    def responsible(self) -> str:
        return self.task.responsible if self.task is not None else ""


def task_day(task: Task) -> date | None:
    """A follow-up meeting's day (a meeting is on a day; an older one may have only a start)."""
    return task.due or task.start


def is_meeting_task(task: Task) -> bool:
    """A joint follow-up meeting still to be held (not the association's internal chase-ups)."""
    return task.kind is TaskKind.FOLLOW_UP and not task.internal and task.status is not TaskStatus.DONE


def upcoming(tasks: Sequence[Task], book: Meetings, today: date) -> list[Upcoming]:
    """Every meeting from ``today`` on, earliest first (see the module docstring)."""
    records: dict[date, Meeting] = {}
    for m in sorted(book.meetings, key=lambda m: (m.day, m.time)):
        if m.day < today:
            continue
        if m.day not in records or (records[m.day].cancelled and not m.cancelled):
            records[m.day] = m  # the first one that day that takes place
    out: dict[tuple[date, str], Upcoming] = {}
    for day, m in records.items():
        if not m.cancelled:
            out[(day, m.id)] = Upcoming(day, meeting=m)
    for task in sorted((x for x in tasks if is_meeting_task(x)), key=lambda x: (task_day(x) or date.max, x.title)):
        on = task_day(task)
        if on is None or on < today:
            continue
        record = records.get(on)
        if record is not None:
            if not record.cancelled and out[(on, record.id)].task is None:
                out[(on, record.id)] = Upcoming(on, meeting=record, task=task)
            continue  # the same meeting (or cancelled with it)
        out.setdefault((on, ""), Upcoming(on, task=task))
    return sorted(out.values(), key=lambda u: (u.day, u.time or time.min, u.title))


def next_meeting(tasks: Sequence[Task], book: Meetings, today: date) -> Upcoming | None:
    """The next follow-up meeting, or None."""
    found = upcoming(tasks, book, today)
    return found[0] if found else None

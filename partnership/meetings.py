"""Follow-up meetings as records (issue 25): a meeting's day and time of day in Danish
time, length, place or video link, participants, agenda, and the minutes written during
it (free text, decisions, the tasks it gave); and the follow-up plan's rhythm (every N
weeks on a weekday, at a time, in a place) that makes the coming meetings.

The store holds the rules (``ps_*meeting*`` functions, migration ``_meetings``); this
module turns its answers into records (``from_wire``), proposes an agenda from what is
due, and writes a meeting pack in Markdown. Pure: no I/O, except ``gather``, which only
calls the Store it is given (as ``demo.create_demo`` does).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from partnership import health
from partnership.errors import Forbidden
from partnership.i18n import TIMEZONE, fmt_date, t
from partnership.model import Access, Snapshot, Task, TaskStatus
from partnership.usertext import plain

if TYPE_CHECKING:
    from partnership.store.base import Store

ENTITIES = ("meeting", "meeting_notes", "meeting_rhythm")
"""The history entities meetings write (also known to ``import_rules.HISTORY_ENTITIES``)."""
DUE_AHEAD = timedelta(days=0)
"""Tasks due up to the meeting's day (and every overdue one) come onto the agenda."""
MOST_DIFFERENCES = 3
"""At most this many of the health check's largest differences are proposed."""


@dataclass(frozen=True)
class Meeting:
    """One follow-up meeting. ``time`` is in Danish time; ``slot`` is the rhythm's day it
    stands for (None: planned by hand). The minutes (``notes``) have their own version."""

    id: str
    day: date
    time: time
    duration: int = 60
    place: str = ""
    participants: tuple[str, ...] = ()
    agenda: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()
    task_ids: tuple[str, ...] = ()
    slot: date | None = None
    version: int = 1
    updated_by: str = ""
    updated_at: datetime | None = None
    notes: str = ""
    notes_version: int = 0
    notes_by: str = ""
    notes_at: datetime | None = None
    cancelled_at: datetime | None = None
    """When the meeting was called off (``Store.cancel_meeting``); None: it takes place."""
    cancelled_by: str = ""
    cancel_reason: str = ""

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def starts(self) -> datetime:
        return datetime.combine(self.day, self.time, tzinfo=TIMEZONE)

    @property
    def ends(self) -> datetime:
        return self.starts + timedelta(minutes=self.duration)


@dataclass(frozen=True)
class Rhythm:
    """The follow-up plan's rhythm: every ``every_weeks`` weeks on ``weekday`` (0 =
    Monday) at ``time`` (Danish time), from ``first_day`` up to ``until``."""

    every_weeks: int
    weekday: int
    time: time
    duration: int = 60
    place: str = ""
    participants: tuple[str, ...] = ()
    first_day: date = date.min
    until: date = date.max
    active: bool = True
    version: int = 1
    updated_by: str = ""
    updated_at: datetime | None = None

    def first(self) -> date:
        """The first meeting's day: the first ``weekday`` on or after ``first_day``."""
        return self.first_day + timedelta(days=(self.weekday - self.first_day.weekday()) % 7)

    def slots(self, most: int = 60) -> list[date]:
        """Every day the rhythm names, as ``ps_set_meeting_rhythm`` counts them."""
        out: list[date] = []
        day = self.first()
        while day <= self.until and len(out) < most:
            out.append(day)
            day += timedelta(weeks=self.every_weeks)
        return out


@dataclass(frozen=True)
class Meetings:
    """Everything about meetings a link may see."""

    rhythm: Rhythm | None = None
    meetings: list[Meeting] = field(default_factory=list)

    def get(self, meeting_id: str) -> Meeting | None:
        return next((m for m in self.meetings if m.id == meeting_id), None)

    def coming(self, today: date) -> list[Meeting]:
        return [m for m in self.meetings if m.day >= today]

    def past(self, today: date) -> list[Meeting]:
        return [m for m in self.meetings if m.day < today]

    def before(self, meeting: Meeting) -> Meeting | None:
        """The latest meeting before ``meeting``."""
        earlier = [m for m in self.meetings if (m.day, m.time) < (meeting.day, meeting.time)]
        return earlier[-1] if earlier else None


# -- from the store's answers -----------------------------------------------------------


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _at(value: Any) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


def _clock(value: Any) -> time:
    return time.fromisoformat(str(value))


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(str(x) for x in value or ())


def meeting_from_wire(data: Mapping[str, Any]) -> Meeting:
    day = _day(data["day"])
    if day is None:
        raise ValueError("a meeting without a day")
    return Meeting(
        id=str(data["id"]), day=day, time=_clock(data["time"]), duration=int(data["duration"]),
        place=str(data.get("place") or ""), participants=_texts(data.get("participants")),
        agenda=_texts(data.get("agenda")), decisions=_texts(data.get("decisions")),
        task_ids=_texts(data.get("task_ids")), slot=_day(data.get("slot")), version=int(data["version"]),
        updated_by=str(data.get("updated_by") or ""), updated_at=_at(data.get("updated_at")),
        notes=str(data.get("notes") or ""), notes_version=int(data.get("notes_version") or 0),
        notes_by=str(data.get("notes_by") or ""), notes_at=_at(data.get("notes_at")),
        cancelled_at=_at(data.get("cancelled_at")), cancelled_by=str(data.get("cancelled_by") or ""),
        cancel_reason=str(data.get("cancel_reason") or ""),
    )


def rhythm_from_wire(data: Mapping[str, Any]) -> Rhythm:
    return Rhythm(
        every_weeks=int(data["every_weeks"]), weekday=int(data["weekday"]), time=_clock(data["time"]),
        duration=int(data["duration"]), place=str(data.get("place") or ""),
        participants=_texts(data.get("participants")), first_day=_day(data["first_day"]) or date.min,
        until=_day(data["until"]) or date.max, active=bool(data.get("active", True)), version=int(data["version"]),
        updated_by=str(data.get("updated_by") or ""), updated_at=_at(data.get("updated_at")),
    )


def from_wire(data: Mapping[str, Any]) -> Meetings:
    rhythm = data.get("rhythm")
    return Meetings(rhythm_from_wire(rhythm) if isinstance(rhythm, Mapping) else None,
                    [meeting_from_wire(m) for m in data.get("meetings") or ()])


def gather(store: Store, access: Access) -> tuple[Meetings, dict[str, str]]:
    """The meetings ``access`` may see and the e-mail addresses of the people who opted in
    to mail that it may see (none for a viewer): what the calendar file needs."""
    book = store.meetings(access)
    try:
        emails = {s.person_id: s.email for s in store.mail_subscriptions(access)}
    except Forbidden:
        emails = {}
    return book, emails


# -- the agenda --------------------------------------------------------------------------


def due_tasks(snap: Snapshot, day: date) -> list[Task]:
    """The joint tasks still open whose deadline is on or before ``day`` (overdue ones
    included), earliest first."""
    found = [x for x in snap.tasks if not x.internal and x.status is not TaskStatus.DONE and x.due is not None
             and x.due <= day + DUE_AHEAD]
    return sorted(found, key=lambda x: (x.due or date.max, x.title.casefold()))


def propose_agenda(snap: Snapshot, book: Meetings, meeting: Meeting, lang: str) -> list[str]:
    """Agenda points proposed from what is due: the decisions of the meeting before
    (to follow up), the open tasks due by the meeting's day, the health check's largest
    differences between the two sides, and the usual opening and closing points."""
    names = {p.id: p.name for p in snap.people}
    points = [t("mt.point.welcome", lang)]
    earlier = book.before(meeting)
    if earlier is not None:
        points += [t("mt.point.decision", lang, text=d) for d in earlier.decisions]
    for task in due_tasks(snap, meeting.day):
        who = names.get(task.responsible, "")
        key = "mt.point.overdue" if task.due is not None and task.due < meeting.day else "mt.point.due"
        points.append(t(key, lang, title=task.title, date=fmt_date(task.due, lang, "short"), who=who or "–"))
    for diff in health.compare(snap.health_checks)[:MOST_DIFFERENCES]:
        points.append(t("mt.point.health", lang, statement=health.statement_text(diff.statement, lang)))
    points.append(t("mt.point.next", lang))
    return points


# -- the meeting pack --------------------------------------------------------------------


def when_text(meeting: Meeting, lang: str) -> str:
    """"tirsdag 12. jan. 2027, 17.00-18.30" in the reader's language."""
    end = meeting.ends.time()
    return t("mt.when", lang, date=fmt_date(meeting.day, lang, "full"), start=f"{meeting.time:%H.%M}",
             end=f"{end:%H.%M}")


def rhythm_text(rhythm: Rhythm, lang: str) -> str:
    place = t("mt.rhythm_place", lang, place=rhythm.place) if rhythm.place.strip() else ""
    key = "mt.rhythm_text_1" if rhythm.every_weeks == 1 else "mt.rhythm_text"
    return t(key, lang, n=rhythm.every_weeks, weekday=t(f"mt.weekday.{rhythm.weekday}", lang),
             time=f"{rhythm.time:%H.%M}", until=fmt_date(rhythm.until, lang)) + place


def pack_markdown(snap: Snapshot, book: Meetings, meeting: Meeting, lang: str) -> str:
    """The meeting pack as Markdown (every user text escaped): when and where, who, the
    agenda, the follow-up plan as agreed, the open tasks, and the minutes so far."""
    names = {p.id: p.name for p in snap.people}
    lines = [f"# {plain(t('mt.pack_title', lang, title=snap.project.title))}", "",
             f"**{t('mt.when_label', lang)}:** {plain(when_text(meeting, lang))}  "]
    if meeting.place.strip():
        lines.append(f"**{t('mt.place', lang)}:** {plain(meeting.place)}  ")
    who = [plain(names[p]) for p in meeting.participants if p in names]
    if who:
        lines.append(f"**{t('mt.participants', lang)}:** {', '.join(who)}")
    lines += ["", f"## {t('mt.agenda', lang)}", ""]
    agenda = list(meeting.agenda) or propose_agenda(snap, book, meeting, lang)
    lines += [f"{n}. {plain(point)}" for n, point in enumerate(agenda, start=1)]
    lines += ["", f"## {t('mt.plan', lang)}", ""]
    plan = snap.field("s5_follow_up").value.strip()
    lines += [plain(line) for line in plan.splitlines() if line.strip()] or ["–"]
    if book.rhythm is not None and book.rhythm.active:
        lines += ["", plain(rhythm_text(book.rhythm, lang))]
    lines += ["", f"## {t('mt.open_tasks', lang)}", ""]
    open_tasks = sorted((x for x in snap.tasks if not x.internal and x.status is not TaskStatus.DONE),
                        key=lambda x: (x.due or date.max, x.title.casefold()))
    lines += [f"- {plain(x.title)} – {plain(names.get(x.responsible, '') or t('timeline.unassigned', lang))}"
              + (f", {fmt_date(x.due, lang)}" if x.due else "") for x in open_tasks] or ["–"]
    if meeting.notes.strip() or meeting.decisions:
        lines += ["", f"## {t('mt.minutes', lang)}", ""]
        lines += [plain(line) for line in meeting.notes.splitlines() if line.strip()]
        if meeting.decisions:
            lines += ["", f"**{t('mt.decisions', lang)}:**", ""]
            lines += [f"- {plain(d)}" for d in meeting.decisions]
    return "\n".join(lines) + "\n"


def pack_title(snap: Snapshot, meeting: Meeting, lang: str) -> str:
    return f"{t('mt.pack_title', lang, title=snap.project.title)} – {fmt_date(meeting.day, lang)}"


def participants_of(book: Meetings, person_id: str) -> bool:
    """Whether ``person_id`` takes part in any meeting or in the rhythm."""
    return any(person_id in m.participants for m in book.meetings) or (
        book.rhythm is not None and person_id in book.rhythm.participants)


def sorted_meetings(found: Sequence[Meeting]) -> list[Meeting]:
    return sorted(found, key=lambda m: (m.day, m.time))

"""Meeting records after signing (issue 25), pure parts: a cancelled meeting in the .ics
(STATUS:CANCELLED on its RECURRENCE-ID, read back with icalendar), the one "next meeting"
from follow-up tasks and meeting records, the reminder mail of a meeting record, and the
export's meetings read back and checked."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from partnership import exchange_after
from partnership.errors import ValidationError
from partnership.meeting_calendar import meeting_events
from partnership.meeting_next import next_meeting, upcoming
from partnership.meetings import Meeting, Meetings, Rhythm
from partnership.model import Person, Side, Task, TaskKind, TaskStatus
from partnership.reminders import DueMail, compose
from partnership.render import calendar_ics

CPH = ZoneInfo("Europe/Copenhagen")
PEOPLE = [Person("p1", "Anna Holm", Side.ASSOCIATION), Person("p2", "Ole Berg", Side.PARTNER)]
TODAY = date(2026, 12, 6)
CANCELLED_AT = datetime(2026, 12, 1, 10, tzinfo=UTC)


def _events(book: Meetings) -> list:  # type: ignore[type-arg]
    extra = meeting_events(book, PEOPLE, project_id="proj1", project_title="Lektiecafé", lang="da")
    data = calendar_ics.tasks_to_ics([], PEOPLE, project_title="Lektiecafé", lang="da", extra=extra)
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_a_cancelled_meeting_of_the_rhythm_is_status_cancelled_on_its_recurrence_id() -> None:
    rhythm = Rhythm(6, 1, time(17), 60, "Biblioteket", ("p1", "p2"), date(2027, 3, 1), date(2027, 6, 30))
    slots = rhythm.slots()
    book = Meetings(rhythm, [
        Meeting("m1", slots[0], time(17), 60, "Biblioteket", ("p1", "p2"), slot=slots[0]),
        Meeting("m2", slots[1], time(17), 60, "Biblioteket", ("p1", "p2"), slot=slots[1], version=2,
                cancelled_at=CANCELLED_AT, cancelled_by="Ole", cancel_reason="Efterårsferie"),
        Meeting("m3", slots[2], time(17), 60, "Biblioteket", ("p1", "p2"), slot=slots[2]),
        Meeting("m4", date(2027, 8, 3), time(9), 60, "Klubhuset", cancelled_at=CANCELLED_AT),
    ])
    events = _events(book)
    series = next(e for e in events if "RRULE" in e)
    assert "STATUS" not in series and "EXDATE" not in series  # the series itself takes place
    [off] = [e for e in events if "RECURRENCE-ID" in e]
    assert str(off["UID"]) == str(series["UID"]) and str(off["STATUS"]) == "CANCELLED"
    assert off.decoded("RECURRENCE-ID") == datetime(2027, 4, 13, 17, tzinfo=CPH)
    assert str(off["SUMMARY"]).startswith("Aflyst: ")
    alone = next(e for e in events if "meeting-m4@" in str(e["UID"]))
    assert str(alone["STATUS"]) == "CANCELLED"
    restored = _events(Meetings(rhythm, [*book.meetings[:1], Meeting("m2", slots[1], time(17), 60, "Biblioteket",
                                                                     ("p1", "p2"), slot=slots[1]),
                                         book.meetings[2]]))
    assert len(restored) == 1 and "STATUS" not in restored[0]  # back in the series, nothing to say


def _task(tid: str, day: date, kind: TaskKind = TaskKind.FOLLOW_UP, status: TaskStatus = TaskStatus.PLANNED,
          internal: bool = False) -> Task:
    return Task(tid, f"Opfølgningsmøde {tid}", kind, "p2", Side.PARTNER, None, day, status, internal=internal)


def test_the_next_meeting_is_the_earliest_record_or_follow_up_task_and_one_per_day() -> None:
    record = Meeting("r1", TODAY + timedelta(days=2), time(17), 60, "Biblioteket")
    task_same_day = _task("1", TODAY + timedelta(days=2))
    later_task = _task("2", TODAY + timedelta(days=12))
    book = Meetings(None, [record])
    found = upcoming([later_task, task_same_day], book, TODAY)
    assert [(u.day, u.meeting is record, u.title) for u in found] == [
        (TODAY + timedelta(days=2), True, "Opfølgningsmøde 1"),
        (TODAY + timedelta(days=12), False, "Opfølgningsmøde 2")]
    nxt = next_meeting([later_task, task_same_day], book, TODAY)
    assert nxt is not None and (nxt.time, nxt.place, nxt.responsible) == (time(17), "Biblioteket", "p2")
    # a record earlier than every task is the next one (the overview used to say the task's day)
    early = Meeting("r0", TODAY + timedelta(days=1), time(9), 60, "")
    assert next_meeting([later_task], Meetings(None, [early]), TODAY).meeting is early  # type: ignore[union-attr]
    # a cancelled record takes the task on its day with it; past, done, internal ones do not count
    off = Meeting("r1", TODAY + timedelta(days=2), time(17), 60, "", cancelled_at=CANCELLED_AT)
    others = [_task("3", TODAY - timedelta(days=1)), _task("4", TODAY + timedelta(days=3), status=TaskStatus.DONE),
              _task("5", TODAY + timedelta(days=4), internal=True),
              _task("6", TODAY + timedelta(days=5), TaskKind.TASK)]
    nxt = next_meeting([task_same_day, later_task, *others], Meetings(None, [off]), TODAY)
    assert nxt is not None and nxt.task is later_task
    assert next_meeting([], Meetings(), TODAY) is None


def test_a_meeting_record_s_reminder_names_the_day_time_and_place_in_the_readers_language() -> None:
    base = {"key": "k", "subscription": "s", "email": "eva@example.org", "person": "Eva", "person_side": "association",
            "project": "Lektiecafé", "our_org": "Klubben", "partner_org": "Biblioteket", "kind": "meeting_record",
            "what": "", "day": "2026-12-08", "time": "17:30", "place": "Biblioteket\nlokale <2>"}
    da = compose(DueMail.from_json({**base, "lang": "da"}), "https://x/u", TODAY)
    assert da.subject == "Påmindelse: opfølgningsmøde om 2 dage kl. 17.30"
    assert "8. december 2026 kl. 17.30" in da.text and "Sted: Biblioteket lokale <2>" in da.text
    en = compose(DueMail.from_json({**base, "lang": "en"}), "https://x/u", TODAY)
    assert en.subject == "Reminder: follow-up meeting in 2 days at 17:30" and "Place: Biblioteket lokale <2>" in en.text


def test_the_export_s_meetings_are_read_back_and_checked() -> None:
    meeting = Meeting("m1", date(2027, 3, 2), time(17), 90, "Biblioteket", ("p1",), ("Velkomst",), ("Vi fortsætter",),
                      notes="Referat", notes_version=1, cancelled_at=CANCELLED_AT, cancel_reason="Ferie")
    rhythm = Rhythm(6, 1, time(17), 60, "", ("p1",), date(2027, 3, 1), date(2027, 6, 30))
    data = exchange_after.meetings_dict(Meetings(rhythm, [meeting]))
    back = exchange_after.read_meetings(data, {"p1", "p2"})
    assert back.meetings == [meeting] and back.rhythm == rhythm
    assert exchange_after.read_meetings(None, set()) == Meetings()  # a file from before
    bad = {**data, "meetings": [{**data["meetings"][0], "participants": ["p9"]}]}
    with pytest.raises(ValidationError) as refused:
        exchange_after.read_meetings(bad, {"p1"})
    assert refused.value.code == "bad_import_at" and "meetings #1" in str(refused.value)
    with pytest.raises(ValidationError):
        exchange_after.read_meetings({**data, "meetings": [{**data["meetings"][0], "notes": "x" * 100_001}]}, {"p1"})

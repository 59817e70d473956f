"""Follow-up meetings without a database: the agenda proposed from what is due, and the
calendar file read back with icalendar (RRULE, times in Copenhagen, LOCATION, ATTENDEE)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from icalendar import Calendar

from partnership import health
from partnership.meeting_calendar import meeting_events
from partnership.meetings import Meeting, Meetings, Rhythm, pack_markdown, propose_agenda
from partnership.model import HealthCheck, Person, Project, Role, Side, Snapshot, Task, TaskKind, TaskStatus
from partnership.render import calendar_ics

CPH = ZoneInfo("Europe/Copenhagen")
DAY = date(2027, 3, 2)  # a Tuesday
ANNA = Person("p1", "Anna Holm", Side.ASSOCIATION, working_group=True)
OLE = Person("p2", "Ole Berg", Side.PARTNER)


def snapshot(tasks: list[Task], checks: list[HealthCheck] | None = None) -> Snapshot:
    project = Project("proj1", "Lektiecafé", "Klubben", "Biblioteket", "", "Anna", datetime(2027, 1, 1, tzinfo=UTC), 1)
    return Snapshot(project, Role.OWNER, 1, {}, [], [ANNA, OLE], tasks, health_checks=checks or [])


def test_the_agenda_proposes_overdue_and_due_tasks_decisions_and_health_differences() -> None:
    tasks = [Task("t1", "Plakater", TaskKind.TASK, "p2", Side.PARTNER, None, date(2027, 2, 20)),
             Task("t2", "Frivillige", TaskKind.TASK, "p1", Side.ASSOCIATION, None, DAY),
             Task("t3", "Senere", TaskKind.TASK, "p1", Side.ASSOCIATION, None, date(2027, 4, 1)),
             Task("t4", "Færdig", TaskKind.TASK, "p1", Side.ASSOCIATION, None, date(2027, 2, 1), TaskStatus.DONE),
             Task("t5", "Intern", TaskKind.FOLLOW_UP, "p1", Side.ASSOCIATION, None, date(2027, 2, 1), internal=True)]
    checks = [HealthCheck("h1", Side.ASSOCIATION, "Anna", datetime(2027, 2, 1, tzinfo=UTC),
                          {"communication": ("red", ""), "shared_goals": ("green", "")}),
              HealthCheck("h2", Side.PARTNER, "Ole", datetime(2027, 2, 1, tzinfo=UTC),
                          {"communication": ("green", ""), "shared_goals": ("green", "")})]
    earlier = Meeting("m0", date(2027, 1, 19), time(17), decisions=("Vi laver en forældreaften",))
    meeting = Meeting("m1", DAY, time(17))
    points = propose_agenda(snapshot(tasks, checks), Meetings(None, [earlier, meeting]), meeting, "da")
    text = "\n".join(points)
    assert points[0] == "Velkomst og siden sidst" and points[-1] == "Næste møde og eventuelt"
    assert "Opfølgning på beslutning: Vi laver en forældreaften" in points
    assert "Overskredet: Plakater (frist 20.02.2027, Ole Berg)" in points
    assert "Forfalder: Frivillige (frist 02.03.2027, Anna Holm)" in points
    assert "Senere" not in text and "Færdig" not in text and "Intern" not in text
    assert [p for p in points if p.startswith("Sundhedstjek")] == [  # only the statement that differs
        "Sundhedstjek – vi ser forskelligt på: " + health.statement_text("communication", "da")]


def test_the_pack_escapes_typed_text() -> None:
    meeting = Meeting("m1", DAY, time(17), agenda=("<script>x</script> *fed*",), place="[link](http://x)")
    text = pack_markdown(snapshot([]), Meetings(None, [meeting]), meeting, "en")
    assert "\\<script\\>" in text or "&lt;script" in text
    assert "\\[link\\]" in text and "\\*fed\\*" in text


def _calendar(book: Meetings, emails: dict[str, str] | None = None, person: str | None = None) -> Calendar:
    snap = snapshot([])
    extra = meeting_events(book, snap.people, project_id="proj1", project_title="Lektiecafé", lang="da",
                           emails=emails, person_id=person)
    data = calendar_ics.tasks_to_ics([], snap.people, project_title="Lektiecafé", lang="da", extra=extra)
    return Calendar.from_ical(data)


def test_the_rhythm_is_one_series_with_rrule_location_and_attendees_in_copenhagen_time() -> None:
    rhythm = Rhythm(6, 1, time(17, 30), 90, "Biblioteket, lokale 2", ("p1", "p2"), date(2027, 3, 1),
                    date(2027, 6, 30))
    slots = rhythm.slots()
    assert slots == [date(2027, 3, 2), date(2027, 4, 13), date(2027, 5, 25)]
    moved = Meeting("m2", date(2027, 4, 14), time(18), 60, "Klubhuset", ("p1",), slot=slots[1])
    same = Meeting("m1", slots[0], time(17, 30), 90, "Biblioteket, lokale 2", ("p2", "p1"), slot=slots[0])
    cal = _calendar(Meetings(rhythm, [same, moved]), {"p1": "anna@example.org"})
    events = list(cal.walk("VEVENT"))
    assert len(events) == 2  # the series and the one moved meeting
    series = next(e for e in events if "RRULE" in e)
    rule = series["RRULE"]
    assert (rule["FREQ"], rule["INTERVAL"], rule["BYDAY"]) == (["WEEKLY"], [6], ["TU"])
    assert rule["UNTIL"][0].astimezone(CPH) == datetime(2027, 5, 25, 19, 0, tzinfo=CPH)
    start = series.decoded("DTSTART")
    assert start == datetime(2027, 3, 2, 17, 30, tzinfo=CPH) and start.tzinfo is not None
    assert str(start.tzinfo) in ("Europe/Copenhagen", "CET") or start.utcoffset().total_seconds() == 3600
    assert series.decoded("DTEND") - start == datetime(2027, 3, 2, 19) - datetime(2027, 3, 2, 17, 30)
    assert str(series["LOCATION"]) == "Biblioteket, lokale 2"
    attendees = series.get("ATTENDEE")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert [(str(a), a.params["CN"]) for a in attendees] == [("mailto:anna@example.org", "Anna Holm")]
    assert "Ole Berg" in str(series["DESCRIPTION"])  # no address known: named, no ATTENDEE
    exdates = [d.dt for x in ([series["EXDATE"]] if not isinstance(series["EXDATE"], list) else series["EXDATE"])
               for d in x.dts]
    assert exdates == [datetime(2027, 5, 25, 17, 30, tzinfo=CPH)]  # no meeting that day
    override = next(e for e in events if "RECURRENCE-ID" in e)
    assert str(override["UID"]) == str(series["UID"])
    assert override.decoded("RECURRENCE-ID") == datetime(2027, 4, 13, 17, 30, tzinfo=CPH)
    assert override.decoded("DTSTART") == datetime(2027, 4, 14, 18, 0, tzinfo=CPH)
    assert str(override["LOCATION"]) == "Klubhuset"
    assert cal.walk("VTIMEZONE") and str(cal.walk("VTIMEZONE")[0]["TZID"]) == "Europe/Copenhagen"


def test_a_meeting_by_hand_is_its_own_event_at_its_time_and_a_persons_file_has_only_theirs() -> None:
    summer = Meeting("m3", date(2027, 7, 6), time(9, 15), 45, "https://video.example.org/abc", ("p2",))
    cal = _calendar(Meetings(None, [summer]))
    (event,) = cal.walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2027, 7, 6, 9, 15, tzinfo=CPH)  # summer time: UTC+2
    assert event.decoded("DTSTART").utcoffset().total_seconds() == 7200
    assert event.decoded("DTEND") == datetime(2027, 7, 6, 10, 0, tzinfo=CPH)
    assert str(event["LOCATION"]) == "https://video.example.org/abc" and "ATTENDEE" not in event
    assert str(event["UID"]) == "meeting-m3@partnerskab"
    assert list(_calendar(Meetings(None, [summer]), person="p1").walk("VEVENT")) == []
    assert len(list(_calendar(Meetings(None, [summer]), person="p2").walk("VEVENT"))) == 1

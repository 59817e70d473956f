"""The .ics export, parsed back with icalendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from partnership.calendar import PRODID, task_uid
from partnership.model import Person, Side, Task, TaskKind, TaskStatus
from partnership.render.calendar_ics import tasks_to_ics

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
MIA = Person(id="p-mia", name="Mia Holm", side=Side.ASSOCIATION)
OLE = Person(id="p-ole", name="Ole Berg", side=Side.PARTNER)
PEOPLE = [MIA, OLE]


def export(tasks: list[Task], **kwargs: object) -> Calendar:
    data = tasks_to_ics(tasks, PEOPLE, project_title="Lektiecafé", now=NOW, **kwargs)  # type: ignore[arg-type]
    assert isinstance(data, bytes)
    return Calendar.from_ical(data)


def events(cal: Calendar) -> dict[str, object]:
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_calendar_header() -> None:
    cal = export([])
    assert str(cal["prodid"]) == PRODID
    assert str(cal["version"]) == "2.0"
    assert str(cal["x-wr-calname"]) == "Lektiecafé: opgaver og møder"
    assert cal.walk("VEVENT") == []


def test_all_day_events_with_exclusive_end() -> None:
    tasks = [
        Task(
            "bar",
            "Kursus",
            kind=TaskKind.ACTIVITY,
            responsible="p-mia",
            start=date(2026, 12, 1),
            due=date(2026, 12, 10),
        ),
        Task("due", "Aflever ansøgning", due=date(2026, 12, 31)),
        Task("start", "Første dag", start=date(2027, 1, 4)),
        Task("meet", "Opfølgningsmøde", kind=TaskKind.FOLLOW_UP, due=date(2027, 2, 1)),
        Task("none", "Uden dato"),
    ]
    found = events(export(tasks))
    assert set(found) == {"bar@partnerskab", "due@partnerskab", "start@partnerskab", "meet@partnerskab"}
    bar = found["bar@partnerskab"]
    start, end = bar["dtstart"].dt, bar["dtend"].dt
    assert type(start) is date and type(end) is date  # all-day: VALUE=DATE, not datetime
    assert (start, end) == (date(2026, 12, 1), date(2026, 12, 11))
    assert bar["dtstart"].params.get("VALUE") == "DATE"
    assert (found["due@partnerskab"]["dtstart"].dt, found["due@partnerskab"]["dtend"].dt) == (
        date(2026, 12, 31),
        date(2027, 1, 1),
    )
    assert found["start@partnerskab"]["dtend"].dt == date(2027, 1, 5)
    assert found["meet@partnerskab"]["dtstart"].dt.date() == date(2027, 2, 1)  # a meeting has a time
    assert str(bar["summary"]) == "Kursus"
    assert bar["dtstamp"].dt == NOW
    assert str(bar["transp"]) == "TRANSPARENT"


def test_uid_is_stable_across_exports() -> None:
    one = Task("abc-123", "X", due=date(2026, 12, 1))
    first = export([one])
    later = Calendar.from_ical(
        tasks_to_ics([one], PEOPLE, project_title="Lektiecafé", now=NOW + timedelta(days=3))
    )
    assert list(events(first)) == list(events(later)) == [task_uid(one)] == ["abc-123@partnerskab"]


def test_description_names_responsible_side_and_status() -> None:
    one = Task(
        "t",
        "Lokaler",
        responsible="p-ole",
        side=Side.PARTNER,
        due=date(2026, 12, 1),
        status=TaskStatus.IN_PROGRESS,
        note="Husk nøgler",
    )
    description = str(events(export([one], partner_org="Nordby Bibliotek"))["t@partnerskab"]["description"])
    assert "Ansvarlig: Ole Berg" in description
    assert "Organisation: Nordby Bibliotek" in description
    assert "Status: I gang" in description
    assert "Type: Opgave" in description
    assert description.endswith("Husk nøgler")
    english = str(events(export([one], lang="en"))["t@partnerskab"]["description"])
    assert "Responsible: Ole Berg" in english and "Status: In progress" in english
    assert "Organisation: The partner" in english


def test_per_person_filter() -> None:
    tasks = [
        Task("a", "Mias", responsible="p-mia", due=date(2026, 12, 1)),
        Task("b", "Oles", responsible="p-ole", due=date(2026, 12, 2)),
        Task("c", "Ingens", due=date(2026, 12, 3)),
    ]
    cal = export(tasks, person_id="p-mia")
    assert list(events(cal)) == ["a@partnerskab"]
    assert str(cal["x-wr-calname"]) == "Lektiecafé: opgaver for Mia Holm"
    assert set(events(export(tasks))) == {"a@partnerskab", "b@partnerskab", "c@partnerskab"}


@pytest.mark.parametrize(
    "title",
    [
        "Møde, planlægning; budget\nlinje to\r\nlinje tre",
        "Emoji 🎉🤝 og æøå ÆØÅ",
        'Backslash \\ og "citat" og kolon: her',
        "x" * 2_500 + "🎉" + "y" * 2_499,
    ],
)
def test_odd_text_round_trips(title: str) -> None:
    note = title + "\n\n;,\\" + "z" * 5_000
    one = Task("odd", title, due=date(2026, 12, 1), note=note)
    data = tasks_to_ics([one], PEOPLE, project_title="Titel; med, tegn\n", now=NOW)
    for line in data.split(b"\r\n"):
        assert len(line) <= 75  # folded
    data.decode("utf-8")  # folding never splits a character
    event = events(Calendar.from_ical(data))["odd@partnerskab"]
    assert str(event["summary"]) == title.replace("\r\n", "\n")  # CRLF comes back as LF
    assert str(event["description"]).endswith(note.replace("\r\n", "\n"))


def test_control_characters_are_dropped() -> None:
    one = Task("c", "a\rb\x0bc\td\x1be\x00f", due=date(2026, 12, 1))
    data = tasks_to_ics([one], PEOPLE, project_title="P\x07", now=NOW)
    assert not any(chr(c).encode() in data for c in (0, 7, 0x0B, 0x1B))
    assert str(events(Calendar.from_ical(data))["c@partnerskab"]["summary"]) == "a\nbc\tdef"


def test_last_modified_and_sequence_follow_the_task() -> None:
    one = Task("t", "X", due=date(2026, 12, 1), version=3, updated_at=datetime(2026, 11, 20, 8, 0))
    event = events(export([one]))["t@partnerskab"]
    assert event["last-modified"].dt == datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    assert int(event["sequence"]) == 2


def test_dtstamp_defaults_to_now() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    data = tasks_to_ics([Task("t", "X", due=date(2026, 12, 1))], PEOPLE, project_title="P")
    stamp = events(Calendar.from_ical(data))["t@partnerskab"]["dtstamp"].dt
    assert stamp.tzinfo is not None and stamp >= before


def test_a_weekly_activity_is_one_weekly_series_not_one_long_event() -> None:
    cafe = Task("cafe", "Lektiecafé hver tirsdag", kind=TaskKind.ACTIVITY,
                start=date(2027, 2, 1), due=date(2027, 6, 22))  # 1 Feb 2027 is a Monday
    event = events(export([cafe]))["cafe@partnerskab"]
    assert event["dtstart"].dt == date(2027, 2, 2)  # the first Tuesday
    assert event["dtend"].dt == date(2027, 2, 3)  # one day, repeated
    rule = event["rrule"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["TU"] and rule["UNTIL"] == [date(2027, 6, 22)]
    assert "valarm" not in [c.name.casefold() for c in event.subcomponents]


def test_weekly_by_word_uses_the_start_day_and_short_or_plain_tasks_do_not_recur() -> None:
    weekly = Task("w", "Ugentlig træning", kind=TaskKind.ACTIVITY, start=date(2027, 3, 4), due=date(2027, 5, 27))
    short = Task("s", "Hver tirsdag", kind=TaskKind.ACTIVITY, start=date(2027, 3, 1), due=date(2027, 3, 3))
    plain = Task("p", "Hver tirsdag ryd op", kind=TaskKind.TASK, start=date(2027, 3, 1), due=date(2027, 5, 3))
    found = events(export([weekly, short, plain]))
    assert found["w@partnerskab"]["rrule"]["BYDAY"] == ["TH"]
    assert "rrule" not in found["s@partnerskab"] and "rrule" not in found["p@partnerskab"]


def test_a_meeting_has_a_time_of_day_in_danish_time_and_a_reminder() -> None:
    timed = Task("m1", "Opfølgningsmøde kl. 17.30-19", kind=TaskKind.FOLLOW_UP, due=date(2027, 6, 3))
    untimed = Task("m2", "Kvartalsmøde", kind=TaskKind.FOLLOW_UP, due=date(2027, 1, 12), note="")
    cal = export([timed, untimed])
    found = events(cal)
    start, end = found["m1@partnerskab"]["dtstart"], found["m1@partnerskab"]["dtend"]
    assert start.params["TZID"] == "Europe/Copenhagen"
    assert (start.dt.hour, start.dt.minute, end.dt.hour, end.dt.minute) == (17, 30, 19, 0)
    assert start.dt.utcoffset() == timedelta(hours=2)  # summer time
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    second = found["m2@partnerskab"]
    assert (second["dtstart"].dt.hour, second["dtend"].dt.hour) == (17, 18)
    assert "Klokkeslættet er ikke aftalt endnu" in str(second["description"])
    [alarm] = second.walk("VALARM")
    assert alarm["trigger"].dt == -timedelta(days=1) and str(alarm["action"]) == "DISPLAY"
    assert str(alarm["description"]) == "I morgen: Kvartalsmøde"
    for event in found.values():  # worded as a meeting, never as a deadline
        text = str(event["description"]) + str(event["summary"])
        assert "senest" not in text and "Frist" not in text


def test_a_deadline_gets_a_reminder_the_day_before_it() -> None:
    due = Task("d", "Send ansøgning", due=date(2027, 3, 15))
    span = Task("s", "Kursus", kind=TaskKind.ACTIVITY, start=date(2027, 3, 1), due=date(2027, 3, 10))
    starts_only = Task("o", "Første dag", start=date(2027, 1, 4))
    found = events(export([due, span, starts_only]))
    for uid in ("d@partnerskab", "s@partnerskab"):
        [alarm] = found[uid].walk("VALARM")
        assert alarm["trigger"].dt == -timedelta(days=2) and alarm["trigger"].params["RELATED"] == "END"
        # the event ends (exclusively) the day after the due date: two days before is the day before
    assert str(found["d@partnerskab"].walk("VALARM")[0]["description"]) == "Frist i morgen: Send ansøgning"
    assert found["o@partnerskab"].walk("VALARM") == []

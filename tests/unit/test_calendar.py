"""The .ics export, parsed back with icalendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from partnership.calendar import PRODID, task_uid, tasks_to_ics
from partnership.model import Person, Side, Task, TaskKind, TaskStatus

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
    assert found["meet@partnerskab"]["dtstart"].dt == date(2027, 2, 1)
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

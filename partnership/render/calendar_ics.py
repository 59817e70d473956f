"""The calendar export as an iCalendar (.ics) file: the events worked out by
``partnership.calendar`` written with the icalendar library, which does the escaping
and line folding. Pure: bytes out, no I/O."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from icalendar import Alarm, Calendar, Event, vCalAddress

from partnership.calendar import PRODID, CalendarEvent, Reminder, calendar_events, utc
from partnership.model import Person, Task


def _alarm(reminder: Reminder) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", reminder.text)
    alarm.add("trigger", reminder.trigger, parameters={"RELATED": "END"} if reminder.related_end else {})
    return alarm


def _vevent(found: CalendarEvent, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", found.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", found.start)
    event.add("dtend", found.end)
    if found.weekly is not None:
        event.add("rrule", found.weekly)
    event.add("transp", "TRANSPARENT" if found.transparent else "OPAQUE")
    if found.reminder is not None:
        event.add_component(_alarm(found.reminder))
    event.add("summary", found.summary)
    event.add("description", found.description)
    event.add("categories", found.categories)
    event.add("sequence", found.sequence)
    if found.last_modified is not None:
        event.add("last-modified", found.last_modified)
    if found.location:
        event.add("location", found.location)
    for name, email in found.attendees:
        event.add("attendee", vCalAddress(f"mailto:{email}"), parameters={"CN": name, "ROLE": "REQ-PARTICIPANT"})
    if found.recurrence_id is not None:
        event.add("recurrence-id", found.recurrence_id)
    for day in found.exdates:
        event.add("exdate", day)
    if found.cancelled:
        event.add("status", "CANCELLED")
    return event


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
    extra: Sequence[CalendarEvent] = (),
) -> bytes:
    """The tasks (all kinds) that have a date, as an .ics calendar.

    With ``person_id``, only the tasks that person is responsible for. ``now`` is the
    DTSTAMP (default: the current UTC time); each event's LAST-MODIFIED is the task's
    ``updated_at`` when known. Tasks passed in are exported as they are: leave internal
    tasks out for a partner or viewer before calling. ``extra`` events (the follow-up
    meetings, ``partnership.meeting_calendar``) come after the tasks.
    """
    stamp = utc(now) if now is not None else datetime.now(UTC)
    found = calendar_events(tasks, people, project_title=project_title, person_id=person_id, lang=lang,
                            our_org=our_org, partner_org=partner_org)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", found.name)
    for event in [*found.events, *extra]:
        cal.add_component(_vevent(event, stamp))
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data

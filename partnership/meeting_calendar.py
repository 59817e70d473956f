"""The follow-up meetings as calendar events (pure; ``render.calendar_ics`` writes them).

- An active rhythm is one series: DTSTART its first meeting in Danish time, RRULE
  ``FREQ=WEEKLY;INTERVAL=n;BYDAY=..;UNTIL=..`` (UNTIL in UTC, as RFC 5545 wants with a
  zoned start), LOCATION its place, ATTENDEE its participants. A day of the rule with no
  meeting is an EXDATE; a meeting of the rule that was moved or changed (time, length,
  place, participants) is its own VEVENT with the series' UID and RECURRENCE-ID; so is a
  cancelled one, with STATUS:CANCELLED (calendars then drop that day only).
- Every other meeting (planned by hand, or made by an earlier rhythm) is an event of its
  own, UID ``meeting-<id>@partnerskab``.
- ATTENDEE needs an address (a cal-address is a URI): a participant is one with
  ``mailto:`` only when their e-mail is known from the mail opt-in; every participant is
  named in the description either way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta

from partnership.calendar import REMINDER, UID_DOMAIN, CalendarEvent, Reminder, clean, utc
from partnership.i18n import TIMEZONE, t
from partnership.meetings import Meeting, Meetings, Rhythm
from partnership.model import Person

BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _zoned(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=TIMEZONE)


def _who(ids: Sequence[str], names: Mapping[str, str], emails: Mapping[str, str]) -> tuple[
        list[str], tuple[tuple[str, str], ...]]:
    shown = [names[i] for i in ids if i in names]
    attendees = tuple((clean(names[i]), emails[i]) for i in ids if i in names and emails.get(i))
    return shown, attendees


def _description(lang: str, who: list[str], agenda: Sequence[str]) -> str:
    lines: list[str] = []
    if who:
        lines.append(f"{t('mt.participants', lang)}: {', '.join(clean(w) for w in who)}")
    if agenda:
        lines += ["", f"{t('mt.agenda', lang)}:", *(f"{n}. {clean(p)}" for n, p in enumerate(agenda, start=1))]
    return "\n".join(lines)


def _same_as_rule(meeting: Meeting, rhythm: Rhythm) -> bool:
    return (meeting.day, meeting.time, meeting.duration, meeting.place, set(meeting.participants)) == (
        meeting.slot, rhythm.time, rhythm.duration, rhythm.place, set(rhythm.participants))


def meeting_events(
    book: Meetings, people: Sequence[Person], *, project_id: str, project_title: str, lang: str = "da",
    emails: Mapping[str, str] | None = None, person_id: str | None = None,
) -> list[CalendarEvent]:
    """The meetings of ``book`` as events (see the module docstring). With ``person_id``,
    only the meetings (and the series) that person takes part in."""
    names = {p.id: p.name for p in people}
    known = emails or {}
    summary = " ".join(clean(t("mt.summary", lang, title=project_title)).split())
    alarm = Reminder(" ".join(clean(t("calendar.alarm_meeting", lang, title=summary)).split()), -REMINDER)
    rhythm = book.rhythm if book.rhythm is not None and book.rhythm.active else None
    slots = rhythm.slots() if rhythm is not None else []
    series_uid = f"rhythm-{project_id}@{UID_DOMAIN}"
    by_slot = {m.slot: m for m in book.meetings if m.slot is not None and m.slot in slots}
    out: list[CalendarEvent] = []

    def takes_part(ids: Sequence[str]) -> bool:
        return person_id is None or person_id in ids

    series_on = rhythm is not None and bool(slots) and takes_part(rhythm.participants)
    if rhythm is not None and series_on:
        who, attendees = _who(rhythm.participants, names, known)
        first = _zoned(slots[0], rhythm.time)
        last_end = _zoned(slots[-1], rhythm.time) + timedelta(minutes=rhythm.duration)
        out.append(CalendarEvent(
            uid=series_uid, summary=summary, description=_description(lang, who, ()),
            categories=[t("timeline.kind.follow_up", lang)], start=first,
            end=first + timedelta(minutes=rhythm.duration), transparent=False, sequence=max(0, rhythm.version - 1),
            weekly={"freq": "weekly", "interval": rhythm.every_weeks, "byday": BYDAY[rhythm.weekday],
                    "until": last_end.astimezone(UTC)},
            reminder=alarm, last_modified=utc(rhythm.updated_at) if rhythm.updated_at else None,
            location=clean(rhythm.place), attendees=attendees,
            exdates=tuple(_zoned(d, rhythm.time) for d in slots if d not in by_slot),
        ))
    for meeting in book.meetings:
        in_series = series_on and meeting.slot in by_slot and by_slot[meeting.slot] is meeting
        if in_series and rhythm is not None and _same_as_rule(meeting, rhythm) and not meeting.agenda \
                and not meeting.cancelled:
            continue  # the series says it all
        if not takes_part(meeting.participants):
            continue
        who, attendees = _who(meeting.participants, names, known)
        off = " ".join(clean(t("mt.cancelled_summary", lang, summary=summary)).split())
        out.append(CalendarEvent(
            uid=series_uid if in_series else f"meeting-{meeting.id}@{UID_DOMAIN}",
            summary=off if meeting.cancelled else summary,
            description=_description(lang, who, meeting.agenda), categories=[t("timeline.kind.follow_up", lang)],
            start=meeting.starts, end=meeting.ends, transparent=False, sequence=max(0, meeting.version - 1),
            reminder=alarm, last_modified=utc(meeting.updated_at) if meeting.updated_at else None,
            location=clean(meeting.place), attendees=attendees,
            recurrence_id=_zoned(meeting.slot, rhythm.time) if in_series and rhythm and meeting.slot else None,
            cancelled=meeting.cancelled,
        ))
    return out

"""The example project's follow-up meetings (``demo.create_demo`` calls this after the
signing). They agree with the follow-up plan (issue 25, "one next meeting"): the plan says
"hver tredje måned i en time på biblioteket" and its two follow-up tasks fall on
``FIRST_DAYS`` and ``SECOND_DAYS`` days from today (``demo._tasks``), so the rhythm is every
13 weeks, an hour at the library, from the first task's day, and its second meeting is
moved one day to the second task's day: each task and its meeting record are one meeting.
The third meeting is cancelled (with a reason), and a meeting four weeks before the first
has its agenda, minutes and decisions. None lies within ``remind``'s window whatever
today is, so ``remind`` right after ``demo`` sends only the notices and the digest.
(No task from the past meeting: a task added after the signing changes the agreement's
text, and the example stays signed.)"""

from __future__ import annotations

from datetime import date, timedelta

from partnership.model import Access
from partnership.store.base import Store

PLACE = "Nørrebro Bibliotek, mødelokale 2"
PARTICIPANTS = ("Anna Holm", "Mette Lund", "Ole Berg", "Sara Nielsen")
MINUTES = ("Lektiecaféen har haft 22 børn i snit. Biblioteket har fået nye bøger til 4.–7. klasse.\n"
           "Der mangler frivillige om tirsdagen i uge 2 og 4.")
FIRST_DAYS = 12
"""Opfølgningsmøde 1, in days from today (a follow-up task of the plan and the rhythm's first)."""
SECOND_DAYS = 102
"""Opfølgningsmøde 2, in days from today (the rhythm's second, 13 weeks on, moved a day earlier)."""
EVERY_WEEKS = 13
CANCELLED = "Flyttes til næste møde: for få kan komme."


def add_meetings(store: Store, owner: Access, partner: Access, today: date, actor: str, partner_actor: str) -> None:
    """Write the example's rhythm and meetings, each side as itself."""
    people = {p.name: p.id for p in store.snapshot(owner).people}
    who = [people[name] for name in PARTICIPANTS if name in people]
    first = today + timedelta(days=FIRST_DAYS)
    store.set_meeting_rhythm(owner, {"every_weeks": EVERY_WEEKS, "weekday": first.weekday(), "time": "17:00",
                                     "duration": 60, "place": PLACE, "participants": who, "first_day": first,
                                     "until": today + timedelta(days=365)}, 0, actor)
    # (the store makes a rhythm's meetings from the real today on: an example written for
    # another day, as the tests do, may lack these)
    by_day = {m.day: m for m in store.meetings(owner).meetings}
    second = by_day.get(first + timedelta(weeks=EVERY_WEEKS))
    if second is not None:
        store.update_meeting(partner, second.id, {"day": today + timedelta(days=SECOND_DAYS)}, second.version,
                             partner_actor)
    third = by_day.get(first + timedelta(weeks=2 * EVERY_WEEKS))
    if third is not None:
        store.cancel_meeting(owner, third.id, True, CANCELLED, third.version, actor)
    day = first - timedelta(weeks=4)
    past = store.add_meeting(partner, {
        "day": day, "time": "17:00", "duration": 60, "place": PLACE, "participants": who,
        "agenda": ["Velkomst og siden sidst", "Åbningsdagen – hvordan gik den?", "Frivillige om tirsdagen",
                   "Næste møde og eventuelt"]}, partner_actor)
    store.meeting_notes(partner, past.id, MINUTES, 0, partner_actor)
    store.update_meeting(owner, past.id, {"decisions": [
        "Klubben finder to nye frivillige til tirsdagene.", "Vi holder en forældreaften efter sommerferien."]},
        past.version, actor)

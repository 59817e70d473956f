"""The example project's follow-up meetings (``demo.create_demo`` calls this after the
signing): a rhythm every six weeks at the library with people from both sides, and a
meeting three weeks ago with its agenda, minutes and decisions. (No task from it: a task
added after the signing changes the agreement's text, and the example stays signed.)"""

from __future__ import annotations

from datetime import date, timedelta

from partnership.model import Access
from partnership.store.base import Store

PLACE = "Nørrebro Bibliotek, mødelokale 2"
PARTICIPANTS = ("Anna Holm", "Mette Lund", "Ole Berg", "Sara Nielsen")
MINUTES = ("Lektiecaféen har haft 22 børn i snit. Biblioteket har fået nye bøger til 4.–7. klasse.\n"
           "Der mangler frivillige om tirsdagen i uge 2 og 4.")


def add_meetings(store: Store, owner: Access, partner: Access, today: date, actor: str, partner_actor: str) -> None:
    """Write the example's rhythm and past meeting, each side as itself."""
    people = {p.name: p.id for p in store.snapshot(owner).people}
    who = [people[name] for name in PARTICIPANTS if name in people]
    store.set_meeting_rhythm(owner, {"every_weeks": 6, "weekday": 1, "time": "17:00", "duration": 90,
                                     "place": PLACE, "participants": who, "first_day": today,
                                     "until": today + timedelta(days=365)}, 0, actor)
    day = today - timedelta(days=21)
    day -= timedelta(days=(day.weekday() - 1) % 7)  # the rhythm's weekday, a Tuesday
    past = store.add_meeting(partner, {
        "day": day, "time": "17:00", "duration": 90, "place": PLACE, "participants": who,
        "agenda": ["Velkomst og siden sidst", "Åbningsdagen – hvordan gik den?", "Frivillige om tirsdagen",
                   "Næste møde og eventuelt"]}, partner_actor)
    store.meeting_notes(partner, past.id, MINUTES, 0, partner_actor)
    store.update_meeting(owner, past.id, {"decisions": [
        "Klubben finder to nye frivillige til tirsdagene.", "Vi holder en forældreaften efter sommerferien."]},
        past.version, actor)

"""Follow-up meetings in the Store contract (issue 25): records every role reads, the
association and the partner write (also after signing), compare-and-set on every write,
the minutes with their own version, tasks made by a meeting that are real tasks, and the
rhythm that makes the coming meetings.

Each transport's module subclasses ``MeetingContract`` beside ``StoreContract``; the
rules are the SQL functions' own (the store passes the token, never a role).
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import NamedTuple

import pytest

from partnership import agreement
from partnership.errors import Conflict, Forbidden, ValidationError
from partnership.model import Access, Person, Side, TaskKind
from partnership.store.base import Store

ME = "Anna"
OLE = "Ole"


class Signed(NamedTuple):
    owner: Access
    partner: Access
    viewer: Access
    people: dict[str, Person]


def signed_project(store: Store) -> Signed:
    """A new project with three people (Anna in the working group, the partner's Ole, and
    Mette, the association's own), signed by both sides."""
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", ME)
    partner, viewer = store.open(tokens["partner"]), store.open(tokens["viewer"])
    people = {"anna": store.add_person(owner, {"name": "Anna Holm", "side": "association", "working_group": True}, ME),
              "ole": store.add_person(partner, {"name": "Ole Berg", "side": "partner"}, OLE),
              "mette": store.add_person(owner, {"name": "Mette Lund", "side": "association"}, ME)}
    text = agreement.render_markdown(store.snapshot(owner), "da")
    digest = agreement.content_hash(text)
    store.approve(owner, ME, digest, text, ME)
    store.approve(partner, OLE, digest, text, OLE)
    assert store.snapshot(owner).project.signed_at is not None
    return Signed(owner, partner, viewer, people)


class MeetingContract:
    """Meetings are joint records with compare-and-set on every write."""

    def test_both_sides_plan_a_meeting_after_signing_and_every_role_reads_it(self, store: Store) -> None:
        owner, partner, viewer, people = signed_project(store)
        anna, ole = people["anna"], people["ole"]
        day = date.today() + timedelta(days=10)
        made = store.add_meeting(owner, {"day": day, "time": "17:30", "duration": 90, "place": "Biblioteket",
                                         "participants": [anna.id, ole.id], "agenda": ["Velkomst", "  "]}, ME)
        assert (made.day, made.time, made.duration, made.place) == (day, time(17, 30), 90, "Biblioteket")
        assert made.agenda == ("Velkomst",) and made.version == 1 and made.notes_version == 0
        before = store.revision(owner)
        assert store.update_meeting(partner, made.id, {"agenda": ["Velkomst", "Plakater"]}, 1, OLE) == 2
        assert store.revision(owner) > before
        for reader in (owner, partner, viewer):
            seen = store.meetings(reader).get(made.id)
            assert seen is not None and seen.agenda == ("Velkomst", "Plakater") and seen.updated_by == OLE
        assert {e.entity for e in store.history(partner)} >= {"meeting"}
        with pytest.raises(Forbidden):
            store.add_meeting(viewer, {"day": day, "time": "17:00"}, "Vera")
        with pytest.raises(Forbidden):
            store.update_meeting(viewer, made.id, {"place": "x"}, 2, "Vera")

    def test_a_stale_write_is_a_conflict_with_what_is_stored(self, store: Store) -> None:
        owner, partner, _, _ = signed_project(store)
        made = store.add_meeting(owner, {"day": date.today(), "time": "9.05"}, ME)
        assert made.time == time(9, 5)
        store.update_meeting(owner, made.id, {"place": "Klubhuset"}, 1, ME)
        with pytest.raises(Conflict) as caught:
            store.update_meeting(partner, made.id, {"place": "Biblioteket"}, 1, OLE)
        assert caught.value.current.version == 2 and caught.value.current.value["place"] == "Klubhuset"
        assert caught.value.current.updated_by == ME

    def test_minutes_have_their_own_version_and_a_conflict_carries_the_other_text(self, store: Store) -> None:
        owner, partner, _, _ = signed_project(store)
        made = store.add_meeting(owner, {"day": date.today(), "time": "17:00"}, ME)
        assert store.meeting_notes(owner, made.id, "Vi talte om plakaterne.", 0, ME) == 1
        store.update_meeting(partner, made.id, {"decisions": ["Flere plakater"]}, 1, OLE)  # no clash with minutes
        assert store.meeting_notes(partner, made.id, "Vi talte om plakaterne.\nOle tager dem.", 1, OLE) == 2
        with pytest.raises(Conflict) as caught:
            store.meeting_notes(owner, made.id, "Min tekst", 1, ME)
        assert caught.value.current.value == "Vi talte om plakaterne.\nOle tager dem."
        assert (caught.value.current.version, caught.value.current.updated_by) == (2, OLE)
        seen = store.meetings(owner).get(made.id)
        assert seen is not None and seen.notes_by == OLE and seen.decisions == ("Flere plakater",)

    def test_a_task_from_the_minutes_is_a_real_task_on_the_timeline(self, store: Store) -> None:
        owner, partner, viewer, people = signed_project(store)
        ole = people["ole"]
        made = store.add_meeting(owner, {"day": date.today(), "time": "17:00"}, ME)
        due = date.today() + timedelta(days=14)
        task = store.meeting_task(partner, made.id, {"title": "Hæng plakater op", "responsible": ole.id,
                                                     "side": "partner", "due": due}, 1, OLE)
        assert (task.title, task.kind, task.responsible, task.due) == ("Hæng plakater op", TaskKind.TASK, ole.id, due)
        assert task.side is Side.PARTNER
        assert [x.id for x in store.snapshot(viewer).tasks] == [task.id]
        seen = store.meetings(owner).get(made.id)
        assert seen is not None and seen.task_ids == (task.id,) and seen.version == 2
        with pytest.raises(Conflict):  # compare-and-set on the meeting: nothing is made
            store.meeting_task(owner, made.id, {"title": "Igen"}, 1, ME)
        with pytest.raises(ValidationError):  # the task rules hold: a title is required
            store.meeting_task(owner, made.id, {"title": " "}, 2, ME)
        assert len(store.snapshot(owner).tasks) == 1

    def test_bad_values_are_refused_with_their_field(self, store: Store) -> None:
        owner, partner, _, _ = signed_project(store)
        for fields, code, what in (
            ({"day": date.today(), "time": "25:00"}, "bad_time", "meeting.time"),
            ({"day": date.today(), "time": "17:00", "duration": 5}, "bad_number", "meeting.duration"),
            ({"time": "17:00"}, "required", "meeting.day"),
            ({"day": date.today(), "time": "17:00", "participants": ["nobody"]}, "not_found", "meeting.participants"),
            ({"day": date.today(), "time": "17:00", "agenda": ["x" * 1001]}, "too_long", "meeting.agenda"),
        ):
            with pytest.raises(ValidationError) as caught:
                store.add_meeting(owner, fields, ME)
            assert (caught.value.code, caught.value.params.get("what")) == (code, what), fields
        assert store.meetings(owner).meetings == []

    def test_the_partner_cannot_see_or_drop_the_associations_own_participants(self, store: Store) -> None:
        owner, partner, _, people = signed_project(store)
        own, ole = people["mette"], people["ole"]  # Mette is the association's own: not shared
        made = store.add_meeting(owner, {"day": date.today(), "time": "17:00", "participants": [own.id]}, ME)
        seen = store.meetings(partner).get(made.id)
        assert seen is not None and seen.participants == ()
        with pytest.raises(ValidationError):
            store.update_meeting(partner, made.id, {"participants": [own.id]}, 1, OLE)
        store.update_meeting(partner, made.id, {"participants": [ole.id]}, 1, OLE)
        mine = store.meetings(owner).get(made.id)
        assert mine is not None and set(mine.participants) == {own.id, ole.id}

    def test_the_rhythm_makes_the_coming_meetings_and_is_compare_and_set(self, store: Store) -> None:
        owner, partner, viewer, _ = signed_project(store)
        start = date.today()
        until = start + timedelta(weeks=18)
        rhythm = store.set_meeting_rhythm(owner, {"every_weeks": 6, "weekday": 1, "time": "17:00", "duration": 90,
                                                  "place": "Biblioteket", "first_day": start, "until": until}, 0, ME)
        assert (rhythm.every_weeks, rhythm.weekday, rhythm.version) == (6, 1, 1)
        book = store.meetings(viewer)
        days = [m.day for m in book.meetings]
        assert days == rhythm.slots() and len(days) in (3, 4)
        assert all(d.weekday() == 1 and d >= start for d in days)
        assert all((m.time, m.duration, m.place, m.slot) == (time(17), 90, "Biblioteket", m.day) for m in book.meetings)
        kept = book.meetings[0]
        store.meeting_notes(partner, kept.id, "Skrevet", 0, OLE)
        with pytest.raises(Conflict):
            store.set_meeting_rhythm(partner, {"every_weeks": 4, "weekday": 3, "time": "16:00"}, 0, OLE)
        again = store.set_meeting_rhythm(partner, {"every_weeks": 4, "weekday": 3, "time": "16:00",
                                                   "first_day": start, "until": until}, 1, OLE)
        assert again.version == 2 and again.updated_by == OLE
        after = store.meetings(owner).meetings
        assert kept.id in {m.id for m in after}  # touched: kept
        assert sorted(m.day for m in after if m.id != kept.id) == again.slots()
        stopped = store.set_meeting_rhythm(owner, {"every_weeks": 4, "weekday": 3, "time": "16:00",
                                                   "active": False}, 2, ME)
        assert not stopped.active and [m.id for m in store.meetings(owner).meetings] == [kept.id]
        with pytest.raises(Forbidden):
            store.set_meeting_rhythm(viewer, {"every_weeks": 4, "weekday": 3, "time": "16:00"}, 3, "Vera")

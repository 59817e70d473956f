"""Meeting records after signing in the Store contract (issue 25, migration
``_meeting_records``): cancelling and restoring one meeting (compare-and-set, owner or
partner, a reason optional), and the meetings, the evaluations and the outcome carried by
the export into an import, checked on the way in.

Each transport's module subclasses ``MeetingRecordContract`` beside ``StoreContract``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from partnership.errors import Conflict, Forbidden, ValidationError
from partnership.model import Side
from partnership.model_term import Outcome
from partnership.store.base import Store
from tests.store.contract_meetings import ME, OLE, signed_project


def _strip_bookkeeping(found: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in found.items() if k not in ("updated_at", "updated_by")}


class MeetingRecordContract:
    """One meeting can be called off and back; meetings and the term's end travel."""

    def test_either_side_cancels_and_restores_one_meeting_compare_and_set(self, store: Store) -> None:
        owner, partner, viewer, people = signed_project(store)
        day = date.today() + timedelta(days=20)
        made = store.add_meeting(owner, {"day": day, "time": "17:00", "participants": [people["ole"].id]}, ME)
        other = store.add_meeting(owner, {"day": day + timedelta(days=7), "time": "17:00"}, ME)
        before = store.revision(owner)
        version = store.cancel_meeting(partner, made.id, True, "  Efterårsferie  ", made.version, OLE)
        assert version == made.version + 1 and store.revision(owner) > before
        seen = store.meetings(viewer).get(made.id)
        assert seen is not None and seen.cancelled and seen.cancel_reason == "Efterårsferie"
        assert seen.cancelled_by == OLE and seen.version == version
        assert not store.meetings(viewer).get(other.id).cancelled  # type: ignore[union-attr]
        with pytest.raises(Conflict) as stale:
            store.cancel_meeting(owner, made.id, False, "", made.version, ME)
        assert stale.value.current.version == version
        with pytest.raises(Forbidden):
            store.cancel_meeting(viewer, made.id, False, "", version, "V")
        with pytest.raises(ValidationError) as long_reason:
            store.cancel_meeting(owner, made.id, True, "x" * 1001, version, ME)
        assert long_reason.value.code == "too_long"
        restored = store.cancel_meeting(owner, made.id, False, "", version, ME)
        back = store.meetings(owner).get(made.id)
        assert back is not None and not back.cancelled and back.cancel_reason == "" and back.version == restored
        assert back.participants == (people["ole"].id,)  # nothing else changed
        entries = [e for e in store.history(owner) if e.entity == "meeting" and e.target == made.id]
        assert len(entries) == 3 and '"cancelled": true' in entries[1].new and '"cancelled": false' in entries[0].new

    def test_a_rhythm_set_again_keeps_a_cancelled_meeting(self, store: Store) -> None:
        owner, partner, _, _ = signed_project(store)
        start = date.today() + timedelta(days=1)
        rhythm = store.set_meeting_rhythm(owner, {"every_weeks": 2, "weekday": start.weekday(), "time": "18:00",
                                                  "first_day": start, "until": start + timedelta(days=60)}, 0, ME)
        first = store.meetings(owner).meetings[0]
        store.cancel_meeting(partner, first.id, True, "", first.version, OLE)
        store.set_meeting_rhythm(owner, {"every_weeks": 2, "weekday": start.weekday(), "time": "19:00",
                                         "first_day": start, "until": start + timedelta(days=60)}, rhythm.version, ME)
        kept = store.meetings(owner).get(first.id)
        assert kept is not None and kept.cancelled and kept.day == first.day

    def test_an_export_carries_meetings_evaluations_and_the_outcome_into_an_import(self, store: Store) -> None:
        owner, partner, _, people = signed_project(store)
        anna, ole = people["anna"].id, people["ole"].id
        start = date.today() + timedelta(days=3)
        store.set_meeting_rhythm(owner, {"every_weeks": 6, "weekday": start.weekday(), "time": "17:00",
                                         "duration": 90, "place": "Biblioteket", "participants": [anna, ole],
                                         "first_day": start, "until": start + timedelta(days=120)}, 0, ME)
        past = store.add_meeting(partner, {"day": date.today() - timedelta(days=10), "time": "16:30",
                                           "place": "Klubhuset", "participants": [anna, ole],
                                           "agenda": ["Velkomst", "Frivillige"]}, OLE)
        store.meeting_notes(partner, past.id, "Referat: <b>22</b> børn", 0, OLE)
        task = store.meeting_task(owner, past.id, {"title": "Ring til skolen", "responsible": anna}, 1, ME)
        store.update_meeting(owner, past.id, {"decisions": ["Vi fortsætter"]}, 2, ME)
        coming = store.meetings(owner).coming(date.today())[0]
        store.cancel_meeting(owner, coming.id, True, "Efterårsferie", coming.version, ME)
        store.add_evaluation(owner, "Anna", {"shared_goals": ("green", "Godt")}, "30 børn kom fast", ME)
        store.add_evaluation(partner, "Ole", {}, "Vi nåede målet", OLE)
        store.choose_outcome(owner, Outcome.CONTINUE, "", 0, ME)
        store.choose_outcome(partner, Outcome.CONTINUE, "", 1, OLE)
        data = store.export_project(owner)
        assert data["meetings"]["rhythm"]["place"] == "Biblioteket"
        assert [e["reached"] for e in data["term"]["evaluations"]] == ["30 børn kom fast", "Vi nåede målet"]
        assert data["term"]["outcome"] == "continue"

        copy, _ = store.import_project(data, "Bo")
        again = store.export_project(copy)
        assert _strip_bookkeeping(again["meetings"]["rhythm"]) == _strip_bookkeeping(data["meetings"]["rhythm"])
        assert [_strip_bookkeeping(m) for m in again["meetings"]["meetings"]] == [
            _strip_bookkeeping(m) for m in data["meetings"]["meetings"]]
        book = store.meetings(copy)
        kept = book.get(past.id)
        assert kept is not None and kept.notes == "Referat: <b>22</b> børn" and kept.decisions == ("Vi fortsætter",)
        assert kept.agenda == ("Velkomst", "Frivillige") and kept.participants == (anna, ole)
        assert kept.task_ids == (task.id,) and kept.notes_version == 1 and kept.notes_by == OLE
        off = book.get(coming.id)
        assert off is not None and off.cancelled and off.cancel_reason == "Efterårsferie"
        term = store.snapshot(copy).term
        assert [(e.side, e.name, e.reached) for e in term.evaluations] == [
            (Side.ASSOCIATION, "Anna", "30 børn kom fast"), (Side.PARTNER, "Ole", "Vi nåede målet")]
        assert term.evaluations[0].answers["shared_goals"] == ("green", "Godt")
        assert term.outcome is Outcome.CONTINUE and not term.closed
        assert again["term"]["evaluations"] == data["term"]["evaluations"]
        # the imported meetings are writable as any (compare-and-set on the kept version)
        store.cancel_meeting(copy, coming.id, False, "", off.version, "Bo")

    def test_a_closed_partnership_comes_back_closed(self, store: Store) -> None:
        owner, partner, _, _ = signed_project(store)
        store.choose_outcome(owner, Outcome.CLOSE, "Tak", 0, ME)
        store.choose_outcome(partner, Outcome.CLOSE, "Farvel", 1, OLE)
        copy, _ = store.import_project(store.export_project(owner), "Bo")
        term = store.snapshot(copy).term
        assert term.closed and term.outcome is Outcome.CLOSE and term.closed_note == "Tak\n\nFarvel"
        with pytest.raises(Forbidden):
            store.add_meeting(copy, {"day": date.today(), "time": "17:00"}, "Bo")

    @pytest.mark.parametrize(("change", "code"), [
        (lambda m: {**m, "day": "2026-13-40"}, "bad_import_at"),
        (lambda m: {**m, "day": "3000-01-01"}, "bad_import_at"),
        (lambda m: {**m, "agenda": ["x" * 1001]}, "bad_import_at"),
        (lambda m: {**m, "place": "x" * 501}, "bad_import_at"),
        (lambda m: {**m, "participants": ["nobody"]}, "bad_import_at"),
        (lambda m: {**m, "cancel_reason": "x" * 1001}, "bad_import_at"),
        (lambda m: {**m, "time": "25:00"}, "bad_import_at"),
    ])
    def test_an_import_checks_the_meetings_as_the_forms_do(self, store: Store, change: Any, code: str) -> None:
        owner, _, _, _ = signed_project(store)
        store.add_meeting(owner, {"day": date.today(), "time": "17:00", "agenda": ["Velkomst"]}, ME)
        data = store.export_project(owner)
        bad = {**data, "meetings": {**data["meetings"], "meetings": [change(data["meetings"]["meetings"][0])]}}
        with pytest.raises(ValidationError) as refused:
            store.import_project(bad, "Bo")
        assert refused.value.code == code

    def test_an_import_checks_the_evaluations_and_the_outcome(self, store: Store) -> None:
        owner, _, _, _ = signed_project(store)
        store.add_evaluation(owner, "Anna", {}, "Godt", ME)
        data = store.export_project(owner)
        evaluation = data["term"]["evaluations"][0]
        for term in ({**data["term"], "outcome": "forever"},
                     {**data["term"], "evaluations": [{**evaluation, "side": "both"}]},
                     {**data["term"], "evaluations": [{**evaluation, "answers": {"shared_goals": ["purple", ""]}}]},
                     {**data["term"], "evaluations": [{**evaluation, "at": "yesterday"}]}):
            with pytest.raises(ValidationError):
                store.import_project({**data, "term": term}, "Bo")

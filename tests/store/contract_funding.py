"""Funding applications and the end of the term in the Store contract (issue 25).

Each transport's module subclasses ``FundingContract`` beside ``StoreContract``; every rule
is the SQL functions' own (20261206000200_funding_term.sql).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from partnership import agreement
from partnership.errors import Conflict, Forbidden, ValidationError
from partnership.model import Access, Side
from partnership.model_term import FundingStatus, Outcome
from partnership.store.base import Store

ME = "Anna"
OLE = "Ole"


def project(store: Store) -> tuple[Access, Access, Access, Access]:
    """A new project: owner, member, partner and viewer."""
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", ME)
    return owner, store.open(tokens["member"]), store.open(tokens["partner"]), store.open(tokens["viewer"])


def sign(store: Store, owner: Access, partner: Access, text: str = "# Aftale\n\nVi samarbejder.\n") -> None:
    digest = agreement.content_hash(text)
    store.approve(owner, "Anna", digest, text, ME)
    store.approve(partner, "Ole", digest, text, OLE)


class FundingContract:
    """Applications are joint records; the period and the outcome are decided together."""

    def test_every_side_writes_applications_and_every_role_reads_them(self, store: Store) -> None:
        owner, member, partner, viewer = project(store)
        ole = store.add_person(partner, {"name": "Ole", "side": "partner"}, OLE)
        first = store.add_funding(owner, {"fund": "Lokaludvalget", "amount": 25000,
                                          "deadline": date(2027, 3, 1), "responsible": ole.id}, ME)
        assert (first.fund, first.amount, first.deadline, first.status, first.version) == (
            "Lokaludvalget", 25000, date(2027, 3, 1), FundingStatus.PLANNED, 1)
        store.add_funding(member, {"fund": "Egmont Fonden", "amount": 100000, "status": "sent"}, "Mads")
        assert store.update_funding(partner, first.id, {"status": "granted", "note": "Bevilget!"}, 1, OLE) == 2
        seen = store.snapshot(viewer).funding
        assert [(f.fund, f.status) for f in seen] == [("Lokaludvalget", FundingStatus.GRANTED),
                                                       ("Egmont Fonden", FundingStatus.SENT)]
        assert seen == store.snapshot(owner).funding == store.snapshot(partner).funding
        with pytest.raises(Forbidden):
            store.add_funding(viewer, {"fund": "X"}, "V")
        with pytest.raises(Forbidden):
            store.update_funding(viewer, first.id, {"status": "refused"}, 2, "V")
        entries = [e for e in store.history(partner) if e.entity == "funding"]
        assert len(entries) == 3 and entries[0].role.value == "partner"

    def test_a_stale_application_write_is_a_conflict_with_what_is_stored(self, store: Store) -> None:
        owner, _, partner, _ = project(store)
        app = store.add_funding(owner, {"fund": "Pulje", "amount": 5000}, ME)
        store.update_funding(partner, app.id, {"amount": 6000}, 1, OLE)
        with pytest.raises(Conflict) as caught:
            store.update_funding(owner, app.id, {"amount": 7000}, 1, ME)
        assert caught.value.current.version == 2 and caught.value.current.updated_by == OLE
        assert caught.value.current.value["amount"] == 6000

    @pytest.mark.parametrize(("fields", "code"), [
        ({"amount": 5}, "required"),
        ({"fund": "  "}, "required"),
        ({"fund": "x" * 201}, "too_long"),
        ({"fund": "F", "amount": -1}, "bad_amount"),
        ({"fund": "F", "amount": 1.5}, "bad_amount"),
        ({"fund": "F", "status": "won"}, "bad_choice"),
        ({"fund": "F", "deadline": "1.3.2027"}, "bad_date"),
        ({"fund": "F", "note": "n" * 2001}, "too_long"),
        ({"fund": "F", "responsible": "nobody"}, "not_found"),
        ({"fund": "F", "colour": "red"}, "unknown_field"),
    ])
    def test_an_application_is_validated(self, store: Store, fields: dict[str, object], code: str) -> None:
        owner, _, _, _ = project(store)
        with pytest.raises(ValidationError) as caught:
            store.add_funding(owner, fields, ME)
        assert caught.value.code == code
        assert store.snapshot(owner).funding == []

    def test_the_association_s_own_people_are_not_responsible_for_an_application(self, store: Store) -> None:
        owner, _, _, _ = project(store)
        own = store.add_person(owner, {"name": "Kasserer", "side": "association"}, ME)
        with pytest.raises(ValidationError) as caught:
            store.add_funding(owner, {"fund": "F", "responsible": own.id}, ME)
        assert caught.value.code == "not_found"

    def test_the_period_is_set_together_before_signing(self, store: Store) -> None:
        owner, _, partner, viewer = project(store)
        term = store.set_term(owner, date(2027, 1, 1), date(2027, 12, 31), 0, ME)
        assert (term.start, term.end, term.version) == (date(2027, 1, 1), date(2027, 12, 31), 1)
        with pytest.raises(Conflict):
            store.set_term(partner, None, date(2028, 6, 30), 0, OLE)
        assert store.set_term(partner, None, date(2028, 6, 30), 1, OLE).version == 2
        assert store.snapshot(viewer).term.end == date(2028, 6, 30)
        with pytest.raises(Forbidden):
            store.set_term(viewer, None, date(2029, 1, 1), 2, "V")
        with pytest.raises(ValidationError) as backwards:
            store.set_term(owner, date(2027, 6, 1), date(2027, 5, 1), 2, ME)
        assert backwards.value.code == "due_before_start"
        with pytest.raises(ValidationError) as endless:
            store.set_term(owner, date(2027, 6, 1), None, 2, ME)
        assert endless.value.code == "required"
        sign(store, owner, partner)
        with pytest.raises(Forbidden) as locked:
            store.set_term(owner, None, date(2029, 1, 1), 2, ME)
        assert locked.value.code == "signed"

    def test_each_side_evaluates(self, store: Store) -> None:
        owner, _, partner, viewer = project(store)
        store.add_evaluation(owner, "Anna", {"shared_goals": ("green", "Godt")}, "30 børn kom fast", ME)
        store.add_evaluation(partner, "Ole", {}, "Vi nåede målet om frivillige", OLE)
        found = store.snapshot(viewer).term.evaluations
        assert [(e.side, e.reached) for e in found] == [(Side.ASSOCIATION, "30 børn kom fast"),
                                                        (Side.PARTNER, "Vi nåede målet om frivillige")]
        assert found[0].answers["shared_goals"] == ("green", "Godt")
        with pytest.raises(ValidationError):
            store.add_evaluation(owner, "Anna", {}, "  ", ME)
        with pytest.raises(Forbidden):
            store.add_evaluation(viewer, "V", {}, "x", "V")

    def test_an_outcome_needs_a_signed_agreement_and_both_sides(self, store: Store) -> None:
        owner, _, partner, _ = project(store)
        with pytest.raises(ValidationError) as unsigned:
            store.choose_outcome(owner, Outcome.CONTINUE, "", 0, ME)
        assert unsigned.value.code == "not_signed"
        sign(store, owner, partner)
        term = store.choose_outcome(owner, Outcome.CONTINUE, "", 0, ME)
        assert term.outcome is None and term.choice_of(Side.ASSOCIATION) is not None
        with pytest.raises(Conflict):
            store.choose_outcome(partner, Outcome.CONTINUE, "", 0, OLE)
        term = store.choose_outcome(partner, Outcome.RENEW, "", 1, OLE)  # not the same: nothing happens yet
        assert term.outcome is None and len(term.choices) == 2
        term = store.choose_outcome(partner, Outcome.CONTINUE, "", 2, OLE)
        assert term.outcome is Outcome.CONTINUE and term.choices == ()
        assert store.snapshot(owner).project.signed_at is not None

    def test_renewing_reopens_the_agreement_and_keeps_the_signed_version(self, store: Store) -> None:
        owner, _, partner, _ = project(store)
        store.set_term(owner, None, date(2027, 12, 31), 0, ME)
        sign(store, owner, partner)
        store.choose_outcome(owner, Outcome.RENEW, "", 0, ME)
        term = store.choose_outcome(partner, Outcome.RENEW, "", 1, OLE)
        assert term.outcome is Outcome.RENEW
        snap = store.snapshot(owner)
        assert snap.project.signed_at is None and snap.approvals == [] and len(snap.signed_versions) == 1
        assert store.set_term(partner, None, date(2028, 12, 31), 1, OLE).outcome is None  # a new period

    def test_closing_makes_the_project_read_only(self, store: Store) -> None:
        owner, member, partner, viewer = project(store)
        app = store.add_funding(owner, {"fund": "Pulje"}, ME)
        sign(store, owner, partner)
        store.choose_outcome(owner, Outcome.CLOSE, "Tak for samarbejdet", 0, ME)
        term = store.choose_outcome(partner, Outcome.CLOSE, "Det var godt", 1, OLE)
        assert term.closed and term.outcome is Outcome.CLOSE
        assert term.closed_note == "Tak for samarbejdet\n\nDet var godt"
        revision = store.snapshot(owner).revision
        writes = [
            lambda: store.set_field(owner, "s1_idea", "ny", 0, ME),
            lambda: store.set_field(partner, "s4_vision", "ny", 0, OLE),  # "closed", not "signed"
            lambda: store.add_person(partner, {"name": "Sara", "side": "partner"}, OLE),
            lambda: store.add_task(member, {"title": "Ny"}, "Mads"),
            lambda: store.add_candidate(owner, "Skolen", ME),
            lambda: store.update_funding(owner, app.id, {"status": "granted"}, 1, ME),
            lambda: store.add_funding(partner, {"fund": "Ny"}, OLE),
            lambda: store.add_health_check(partner, "Ole", {"shared_goals": ("green", "")}, OLE),
            lambda: store.add_evaluation(owner, "Anna", {}, "x", ME),
            lambda: store.choose_outcome(owner, Outcome.RENEW, "", 2, ME),
            lambda: store.reopen(owner, ME),
        ]
        for write in writes:
            with pytest.raises(Forbidden) as refused:
                write()
            assert refused.value.code == "closed", write.__code__.co_firstlineno
        after = store.snapshot(viewer)
        assert after.term.closed and after.revision == revision
        assert store.export_project(owner)["project"]["title"] == "Lektiecafé"  # the export is still there

    def test_an_export_carries_the_applications_and_the_period_into_an_import(self, store: Store) -> None:
        owner, _, partner, _ = project(store)
        ole = store.add_person(partner, {"name": "Ole", "side": "partner"}, OLE)
        app = store.add_funding(owner, {"fund": "Egmont Fonden", "amount": 60000, "deadline": date(2027, 5, 1),
                                        "responsible": ole.id, "note": "Skriv i marts"}, ME)
        store.update_funding(owner, app.id, {"status": "sent"}, 1, ME)
        store.set_term(owner, date(2027, 1, 1), date(2027, 12, 31), 0, ME)
        copy, _ = store.import_project(store.export_project(owner), "Bo")
        snap = store.snapshot(copy)
        [again] = snap.funding
        assert (again.id, again.fund, again.amount, again.deadline, again.status, again.responsible, again.note,
                again.version) == (app.id, "Egmont Fonden", 60000, date(2027, 5, 1), FundingStatus.SENT, ole.id,
                                   "Skriv i marts", 2)
        assert (snap.term.start, snap.term.end, snap.term.closed) == (date(2027, 1, 1), date(2027, 12, 31), False)
        assert "funding" in {e.entity for e in store.history(copy)}

    def test_an_import_checks_the_applications_as_a_form_does(self, store: Store) -> None:
        owner, _, _, _ = project(store)
        store.add_funding(owner, {"fund": "Pulje"}, ME)
        data = store.export_project(owner)
        bad = {**data, "funding": [{**data["funding"][0], "amount": -5}]}
        with pytest.raises(ValidationError):
            store.import_project(bad, "Bo")


def without_funding_and_term(view: dict[str, Any]) -> dict[str, Any]:
    """``contract.example_view`` as the example showed it before issue 25: its signed text
    without the applications' list and the period line (so without the hashes that name
    that text), for comparing with example_before.json."""
    def text(markdown: str) -> str:
        markdown = re.sub(r"### (Fondsansøgninger|Funding applications)\n\n(- .*\n)+\n", "", markdown)
        return re.sub(r"\*\*(Periode|Period):\*\* .*\n\n", "", markdown)

    return {**view,
            "project": {k: v for k, v in view["project"].items() if k != "signed_hash"},
            "approvals": [{k: v for k, v in a.items() if k != "content_hash"} for a in view["approvals"]],
            "signed_versions": [{**v, "markdown": text(v["markdown"]), "content_hash": ""}
                                for v in view["signed_versions"]]}

"""The association's room in the Store contract (issue 26, what was left): Møde 1's agenda,
suggestions private to their author during step 2's reflection round, a new partnership
started from an earlier one, and signing for the association kept with the owner.

Each transport's module subclasses ``RoomContract`` beside ``StoreContract``; the rules are
the SQL functions' own (the store passes the token, never a role).
"""

from __future__ import annotations

import pytest

from partnership import agenda, agreement
from partnership.errors import Conflict, Forbidden, ValidationError
from partnership.model import Access, CandidateStatus, Role
from partnership.store.base import Store, new_token
from tests.store.contract import Rows

ME = "Anna"
MEMBER = "Mads"
OTHER = "Hanne"


def project(store: Store) -> tuple[Access, Access, dict[str, str]]:
    """A new project: the owner's access, a member's access and every token."""
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", ME)
    return owner, store.open(tokens["member"]), tokens


def names(store: Store, access: Access) -> list[str]:
    return [c.name for c in store.snapshot(access).candidates]


class RoomContract:
    """The first evening's room: agenda, private suggestions, a new partnership from an old one."""

    # -- Møde 1's agenda ----------------------------------------------------------------

    def test_the_facilitator_moves_everyone_through_the_agenda(self, store: Store) -> None:
        owner, member, tokens = project(store)
        fresh = store.snapshot(owner).agenda
        assert (fresh.point, fresh.points, fresh.version) == (0, len(agenda.MEETING_1), 0)
        moved = store.agenda(member, 1, 0, MEMBER)  # a member may facilitate
        assert (moved.point, moved.version, moved.updated_by) == (1, 1, MEMBER) and moved.updated_at is not None
        assert store.agenda(owner, 2, 1, ME).point == 2
        assert store.snapshot(member).agenda.point == 2  # every association screen reads the same point
        with pytest.raises(Conflict) as caught:  # a second facilitator on an old view moves nothing
            store.agenda(member, 3, 1, MEMBER)
        assert caught.value.current.version == 2 and caught.value.current.value["point"] == 2
        last = len(agenda.MEETING_1)
        assert store.agenda(owner, last, 2, ME).point == last  # the SQL's number of points is the Python's
        with pytest.raises(ValidationError):
            store.agenda(owner, last + 1, 3, ME)
        with pytest.raises(ValidationError):
            store.agenda(owner, -1, 3, ME)
        assert store.agenda(owner, 0, 3, ME).point == 0  # the meeting is over
        entries = [e for e in store.history(owner) if e.entity == "agenda"]
        assert [e.actor for e in entries] == [ME, ME, ME, MEMBER] and entries[0].version == 4
        partner = store.open(tokens["partner"])
        assert store.snapshot(partner).agenda.points == 0  # the partner has no Møde 1
        assert not [e for e in store.history(partner) if e.entity == "agenda"]
        for role in ("partner", "viewer"):
            with pytest.raises(Forbidden):
                store.agenda(store.open(tokens[role]), 1, 4, "Ole")

    # -- private suggestions during the reflection ----------------------------------------

    def test_suggestions_stay_with_their_device_while_the_round_is_open(self, store: Store) -> None:
        owner, member, _ = project(store)
        phone, laptop = new_token(), new_token()  # two browsers' secrets
        store.add_candidate(owner, "Biblioteket", ME, laptop)  # before the round: shared at once
        store.timer(owner, "start", 0, ME)
        mine = store.add_candidate(member, "Skolen", MEMBER, phone)
        store.add_candidate(owner, "Spejderne", OTHER, laptop)  # another person at the laptop
        assert names(store, owner) == ["Biblioteket"] and names(store, member) == ["Biblioteket"]
        seen = store.private_round(member, phone)
        assert seen.open and [c.name for c in seen.mine] == ["Skolen"] and seen.hidden == 1
        assert seen.mine[0].id == mine.id and seen.mine[0].updated_by == MEMBER  # the name stays the author
        other = store.private_round(owner, laptop)
        assert [c.name for c in other.mine] == ["Spejderne"] and other.hidden == 1
        projector = store.private_round(owner, "")
        assert projector.mine == [] and projector.hidden == 2
        history = store.history(owner)  # nor their history, nor the export
        assert {e.target for e in history if e.entity == "candidate"} == {
            c.id for c in store.snapshot(owner).candidates}
        assert [c["name"] for c in store.export_project(owner)["candidates"]] == ["Biblioteket"]
        with pytest.raises(ValidationError) as caught:  # another device holds it: said without whose
            store.add_candidate(owner, "skolen", ME, laptop)
        assert caught.value.code == "duplicate_private"
        with pytest.raises(ValidationError) as caught:  # one's own: the usual duplicate
            store.add_candidate(member, "SKOLEN", MEMBER, phone)
        assert caught.value.code == "duplicate_candidate"
        store.timer(owner, "stop", 1, ME)  # a pause keeps the round open
        assert names(store, member) == ["Biblioteket"] and store.private_round(member, phone).open
        store.timer(owner, "start", 2, ME)
        finished = store.timer(member, "finish", 3, MEMBER)  # the facilitator ends the round
        assert not finished.running and finished.left_ms == 0
        assert names(store, owner) == ["Biblioteket", "Skolen", "Spejderne"]  # in the order named
        after = store.private_round(member, phone)
        assert not after.open and after.mine == [] and after.hidden == 0
        assert len([e for e in store.history(owner) if e.entity == "candidate"]) == 3
        store.timer(owner, "start", 4, ME)  # a new round: what was shared stays shared
        store.add_candidate(member, "Kirken", MEMBER, phone)
        assert names(store, owner) == ["Biblioteket", "Skolen", "Spejderne"]
        store.timer(owner, "reset", 5, ME)  # a reset ends the round too
        assert names(store, owner)[-1] == "Kirken"

    def test_the_suggestions_are_shared_when_the_time_is_up(self, store: Store, database_rows: Rows) -> None:
        owner, member, _ = project(store)
        store.timer(owner, "start", 0, ME)
        store.add_candidate(member, "Skolen", MEMBER, new_token())
        assert names(store, owner) == []
        # Three minutes pass (the clock is the database's; the start is moved back instead).
        database_rows("update partnership_private.projects set timer_started_at = timer_started_at - interval '4 min'"
                      " where id = %s returning id", (owner.project_id,))
        assert names(store, owner) == ["Skolen"]
        assert store.private_round(owner, "").hidden == 0

    def test_a_partner_learns_nothing_of_private_suggestions(self, store: Store) -> None:
        owner, member, tokens = project(store)
        store.timer(owner, "start", 0, ME)
        store.add_candidate(member, "Skolen", MEMBER, new_token())
        partner = store.open(tokens["partner"])
        for attempt in (lambda: store.private_round(partner, ""),
                        lambda: store.add_candidate(partner, "Skolen", "Ole", new_token())):
            with pytest.raises(Forbidden):
                attempt()

    # -- a new partnership from an earlier one ------------------------------------------

    def test_a_new_partnership_starts_from_step_1_and_the_candidates(self, store: Store) -> None:
        owner, member, _ = project(store)
        store.set_field(owner, "s1_vision_fit", "Alle børn skal have det godt", 0, ME)
        store.set_field(owner, "s1_our_offer", "Frivillige og lokaler", 0, ME)
        store.set_field(owner, "s3_plan_b", "Spørg den næste", 0, ME)  # step 3 stays behind
        store.set_field(owner, "s4_vision", "Fælles", 0, ME)  # so do the joint steps
        for name in ("Biblioteket", "Skolen", "Spejderne", "Kirken"):
            store.add_candidate(owner, name, ME)
        cands = {c.name: c for c in store.snapshot(owner).candidates}
        store.update_candidate(owner, cands["Skolen"].id, {"resources": 4, "values": 5, "priority": 1, "note": "God"},
                               1, ME)
        store.update_candidate(owner, cands["Kirken"].id, {"status": "set_aside"}, 1, ME)
        refused = store.snapshot(owner).candidates[0]
        store.record_refusal(owner, refused.id, refused.version, ME)  # Biblioteket said no
        yes = next(c for c in store.snapshot(owner).candidates if c.name == "Spejderne")
        store.said_yes(owner, yes.id, store.snapshot(owner).project.version, ME)  # Spejderne are the partner
        store.timer(owner, "start", 0, ME)
        store.add_candidate(owner, "Privat idé", OTHER)  # still private: not copied
        before = store.revision(owner)

        new, tokens = store.start_from(member, "Sommerlejr", "Boldklubben Øst", MEMBER)
        assert new.role is Role.OWNER and set(tokens) == {r.value for r in Role}
        assert store.links(new)[Role.PARTNER] == tokens["partner"]  # the new links, sealed like any
        assert store.open(tokens["member"]).project_id == new.project_id != owner.project_id
        snap = store.snapshot(new)
        assert (snap.project.title, snap.project.our_org, snap.project.created_by) == (
            "Sommerlejr", "Boldklubben Øst", MEMBER)
        assert {k: f.value for k, f in snap.fields.items()} == {
            "s1_vision_fit": "Alle børn skal have det godt", "s1_our_offer": "Frivillige og lokaler"}
        assert [(c.position, c.name, c.status) for c in snap.candidates] == [
            (1, "Skolen", CandidateStatus.ACTIVE), (2, "Kirken", CandidateStatus.SET_ASIDE)]
        school = snap.candidates[0]
        assert (school.resources, school.values, school.note, school.priority, school.version) == (4, 5, "God", None, 1)
        assert snap.project.partner_org == "" and snap.timer.version == 0 and snap.agenda.point == 0
        assert store.revision(owner) == before  # the source is untouched
        assert len(store.snapshot(owner).candidates) == 4

    def test_only_the_association_starts_from_a_partnership(self, store: Store) -> None:
        owner, _, tokens = project(store)
        for role in ("partner", "viewer"):
            with pytest.raises(Forbidden):
                store.start_from(store.open(tokens[role]), "Kopi", "Os", "Ole")
        with pytest.raises(ValidationError):  # a bad title leaves no project behind
            store.start_from(owner, " ", "Os", ME)

    # -- signing for the association ----------------------------------------------------

    def test_only_the_owner_signs_and_reopens_for_the_association(self, store: Store) -> None:
        owner, member, tokens = project(store)
        text = "# Aftale"
        digest = agreement.content_hash(text)
        assert store.snapshot(owner).may_sign and not store.snapshot(member).may_sign
        assert store.snapshot(store.open(tokens["partner"])).may_sign
        assert not store.snapshot(store.open(tokens["viewer"])).may_sign
        with pytest.raises(Forbidden) as caught:
            store.approve(member, MEMBER, digest, text, MEMBER)
        assert caught.value.code == "owner_signs"
        assert store.snapshot(owner).approvals == []
        store.approve(owner, ME, digest, text, ME)
        store.approve(store.open(tokens["partner"]), "Ole", digest, text, "Ole")
        assert store.snapshot(member).project.signed_at is not None  # a member reads the signed state
        with pytest.raises(Forbidden) as caught:
            store.reopen(member, MEMBER)
        assert caught.value.code == "owner_signs"
        assert store.snapshot(owner).project.signed_at is not None
        store.reopen(owner, ME)
        assert store.snapshot(owner).project.signed_at is None

"""The member role in the Store contract (issue 26): the association's own people read and
write as the association, but only the owner rotates, lists or shows links and deletes.

Each transport's module subclasses ``MemberContract`` beside ``StoreContract``; the refusals
are the SQL functions' own (the store passes the token, never a role).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from partnership.errors import Conflict, Forbidden, InvalidLink, ValidationError
from partnership.model import Access, Role, Side
from partnership.steps import INTERNAL_KEYS
from partnership.store.base import Store, presence_id

ME = "Anna"
MEMBER = "Mads"


def project(store: Store) -> tuple[Access, Access, dict[str, str]]:
    """A new project: the owner's access, a member's access and every token."""
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", ME)
    return owner, store.open(tokens["member"]), tokens


class MemberContract:
    """A member is the association without the owner's powers over the partnership."""

    def test_a_member_link_opens_as_member(self, store: Store) -> None:
        owner, member, _ = project(store)
        assert member.role is Role.MEMBER and member.project_id == owner.project_id
        assert store.snapshot(member).role is Role.MEMBER

    def test_a_member_writes_steps_1_to_3_as_the_association(self, store: Store) -> None:
        owner, member, _ = project(store)
        for key in sorted(INTERNAL_KEYS):
            assert store.set_field(member, key, f"medlem {key}", 0, MEMBER) == 1
        first = store.add_candidate(member, "Biblioteket", MEMBER)
        second = store.add_candidate(member, "Skolen", MEMBER)
        store.update_candidate(member, first.id, {"resources": 3, "competences": 2, "values": 3, "priority": 1},
                               first.version, MEMBER)
        store.update_candidate(member, second.id, {"priority": 2}, second.version, MEMBER)
        caller = store.add_person(member, {"name": "Hanne", "side": "association", "first_meeting": True}, MEMBER)
        store.add_task(member, {"title": "Ring til biblioteket", "kind": "follow_up", "internal": True,
                                "responsible": caller.id, "due": date.today() + timedelta(days=3)}, MEMBER)
        refused = store.snapshot(member).candidates[0]
        assert store.record_refusal(member, refused.id, refused.version, MEMBER) is not None
        seen = store.snapshot(owner)  # the owner sees what the member wrote, and the other way round
        assert {k: seen.field(k).value for k in INTERNAL_KEYS} == {k: f"medlem {k}" for k in INTERNAL_KEYS}
        assert store.snapshot(member).candidates == seen.candidates
        assert [t.title for t in store.snapshot(member).tasks if t.internal] == ["Ring til biblioteket"]
        assert {e.role for e in store.history(owner) if e.actor == MEMBER} == {Role.MEMBER}

    def test_a_member_writes_the_joint_steps_for_the_association(self, store: Store) -> None:
        owner, member, tokens = project(store)
        assert store.set_field(member, "s4_vision", "Alle børn får hjælp", 0, MEMBER) == 1
        task = store.add_task(member, {"title": "Første lektiecafé", "kind": "activity", "side": "association",
                                       "start": date.today() + timedelta(days=14)}, MEMBER)
        assert task.side is Side.ASSOCIATION
        partner = store.open(tokens["partner"])
        assert store.snapshot(partner).field("s4_vision").value == "Alle børn får hjælp"
        history = store.history(member)
        entry = next(e for e in history if e.entity == "field" and e.target == "s4_vision")
        store.set_field(owner, "s4_vision", "Ændret", 1, ME)
        assert store.restore(member, entry.id, 2, MEMBER) == 3

    def test_the_sql_refuses_a_member_the_owners_powers(self, store: Store) -> None:
        owner, member, tokens = project(store)
        for role in Role:
            with pytest.raises(Forbidden):
                store.rotate_link(member, role)
        for attempt in (lambda: store.links(member), lambda: store.opened(member),
                        lambda: store.delete_project(member), lambda: store.export_project(member),
                        lambda: store.show_links_to_members(member, True, False, MEMBER)):
            with pytest.raises(Forbidden):
                attempt()
        assert store.open(tokens["owner"]).role is Role.OWNER  # nothing was rotated or deleted
        assert store.links(owner)[Role.MEMBER] == tokens["member"]

    def test_the_owner_shows_a_member_the_partner_and_viewer_links(self, store: Store) -> None:
        owner, member, tokens = project(store)
        before = store.revision(owner)
        assert store.show_links_to_members(owner, True, False, ME) > before
        assert store.snapshot(member).members_see_links
        shown = store.links(member)
        assert shown[Role.PARTNER] == tokens["partner"] and shown[Role.VIEWER] == tokens["viewer"]
        assert shown[Role.OWNER] is None and shown[Role.MEMBER] == member.token
        new_partner = store.rotate_link(owner, Role.PARTNER)  # sealed for the member at once
        assert store.links(member)[Role.PARTNER] == new_partner
        new_member = store.open(store.rotate_link(owner, Role.MEMBER))
        with pytest.raises(InvalidLink):
            store.links(member)
        assert store.links(new_member)[Role.VIEWER] == tokens["viewer"]
        with pytest.raises(Conflict) as caught:  # compare-and-set on the setting
            store.show_links_to_members(owner, False, False, ME)
        assert caught.value.current.value is True
        store.show_links_to_members(owner, False, True, ME)
        with pytest.raises(Forbidden):
            store.links(new_member)
        assert not store.snapshot(new_member).members_see_links

    def test_rotating_the_member_link_revokes_the_old_one(self, store: Store) -> None:
        owner, member, tokens = project(store)
        new = store.rotate_link(owner, Role.MEMBER)
        with pytest.raises(InvalidLink):
            store.snapshot(member)
        assert store.open(new).role is Role.MEMBER
        assert store.links(owner)[Role.MEMBER] == new
        store.rotate_link(owner, Role.OWNER)  # the member link stays showable under a new owner key
        assert store.open(new).role is Role.MEMBER

    def test_a_members_presence_is_the_associations(self, store: Store) -> None:
        owner, member, tokens = project(store)
        store.heartbeat(member, "m-1", MEMBER, "s1_our_offer")
        seat = presence_id(member.token, "m-1")  # the member's session as every reader knows it
        _, seen = store.heartbeat(owner, "o-1", ME, "")
        assert [(p.name, p.role, p.editing) for p in seen if p.session_id == seat] == [
            (MEMBER, Role.MEMBER, "s1_our_offer")]
        _, seen = store.heartbeat(store.open(tokens["partner"]), "p-1", "Ole", "")
        assert [p.editing for p in seen if p.session_id == seat] == ["internal"]

    def test_an_imported_project_has_a_member_link(self, store: Store) -> None:
        owner, _, _ = project(store)
        copy, tokens = store.import_project(store.export_project(owner), ME)
        assert store.open(tokens["member"]).role is Role.MEMBER
        assert store.links(copy)[Role.MEMBER] == tokens["member"]

    # -- step 2's shared timer -------------------------------------------------------------

    def test_the_timer_is_stored_with_the_project_and_every_reader_sees_the_same_end(self, store: Store) -> None:
        owner, member, _ = project(store)
        fresh = store.snapshot(member).timer
        assert (fresh.running, fresh.left_ms, fresh.duration_ms, fresh.version) == (False, 180_000, 180_000, 0)
        before = datetime.now(UTC)
        started = store.timer(member, "start", 0, MEMBER)
        assert started.running and started.version == 1 and started.updated_by == MEMBER
        assert started.ends_at is not None
        assert timedelta(seconds=179) < started.ends_at - before < timedelta(seconds=181)
        assert store.snapshot(owner).timer.ends_at == started.ends_at == store.snapshot(member).timer.ends_at
        assert [e.role for e in store.history(owner) if e.entity == "timer"] == [Role.MEMBER]

    def test_the_timer_stops_keeps_what_is_left_and_resets(self, store: Store) -> None:
        owner, member, _ = project(store)
        store.timer(member, "start", 0, MEMBER)
        stopped = store.timer(owner, "stop", 1, ME)
        assert not stopped.running and stopped.ends_at is None and 170_000 < stopped.left_ms <= 180_000
        assert store.snapshot(member).timer.left_at(datetime.now(UTC)) == stopped.left_ms  # stopped: no ticking
        again = store.timer(member, "start", 2, MEMBER)
        assert again.running and again.left_ms <= stopped.left_ms
        reset = store.timer(member, "reset", 3, MEMBER)
        assert (reset.running, reset.left_ms, reset.version) == (False, 180_000, 4)

    def test_the_timer_is_compare_and_set(self, store: Store) -> None:
        owner, member, _ = project(store)
        store.timer(owner, "start", 0, ME)
        with pytest.raises(Conflict) as caught:  # a second screen pressed start on what it saw
            store.timer(member, "start", 0, MEMBER)
        assert caught.value.current.version == 1 and caught.value.current.updated_by == ME
        assert caught.value.current.value["running"] is True
        with pytest.raises(ValidationError):
            store.timer(owner, "pause", 1, ME)

    def test_the_timer_is_the_associations_only(self, store: Store) -> None:
        owner, _, tokens = project(store)
        store.timer(owner, "start", 0, ME)
        for role in ("partner", "viewer"):
            other = store.open(tokens[role])
            assert store.snapshot(other).timer.version == 0  # not shown: the default
            with pytest.raises(Forbidden):
                store.timer(other, "stop", 1, "Ole")
            assert "timer" not in {e.entity for e in store.history(other)}

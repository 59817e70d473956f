"""The Store contract as one backend-free test class.

Each transport's module (test_postgres.py, test_supabase.py) subclasses ``StoreContract``
and provides a ``store`` fixture; every test here must pass on every backend unchanged.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from partnership import agreement, demo, exchange
from partnership.demo import create_demo
from partnership.errors import Conflict, Forbidden, InvalidLink, PartnershipError, ValidationError
from partnership.model import Access, CandidateStatus, Role, Side, Snapshot, TaskKind, TaskStatus
from partnership.signature import approvals_from_history
from partnership.steps import FIELDS, INTERNAL_KEYS, MAX_TEXT, FieldSpec
from partnership.store.base import Store, new_token, presence_id
from tests.store.contract_funding import without_funding_and_term

ME = "Anna"


def settle(store: Store, done: Callable[[], bool], wait: float = 5.0) -> None:
    """Give a store that pushes commits (NOTIFY, heard on its own thread) time until
    ``done``, and then a moment more for anything that should not come; a store that
    tells its listeners in the writing thread has already told them."""
    if not store.pushes_commits:
        return
    deadline = time.monotonic() + wait
    while not done() and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)

Rows = Callable[..., list[tuple[Any, ...]]]
"""Rows of a query on the store's database (a fixture of each transport's module)."""

ProjectsTitled = Callable[[str], int]
"""How many projects with this title the store's database holds (a fixture of each
backend's test module: the contract cannot look behind the store)."""

EXAMPLE_BEFORE = Path(__file__).with_name("example_before.json")
"""What each role saw of the example (today 2026-03-02) when partnership.demo wrote it
call by call, before it became one transaction (issue 11)."""


def make(store: Store) -> tuple[Access, dict[str, str]]:
    return store.create_project("Lektiecafé", "Boldklubben Øst", ME)


def partner_of(store: Store, tokens: dict[str, str]) -> Access:
    return store.open(tokens["partner"])


def example_view(snap: Snapshot) -> dict[str, Any]:
    """What a user sees of a project, comparable across projects: no ids (tasks name their
    responsible person), versions or timestamps."""
    people = {p.id: p.name for p in snap.people}

    def rec(r: Any, drop: tuple[str, ...] = ("id", "version", "updated_at", "shared")) -> dict[str, Any]:
        d = exchange.plain(r)
        if "responsible" in d:
            d["responsible"] = people.get(d["responsible"], d["responsible"])
        return {k: v for k, v in d.items() if k not in drop}

    return {
        "project": rec(snap.project, ("id", "version", "created_at", "signed_at")),
        "signed": snap.project.signed_at is not None,
        "fields": {k: rec(f) for k, f in snap.fields.items()},
        "candidates": [rec(c) for c in snap.candidates],
        "people": [rec(x) for x in snap.people],
        "tasks": [rec(t) for t in snap.tasks],
        "approvals": sorted([rec(a, ("id", "approved_at")) for a in snap.approvals], key=lambda a: a["side"]),
        "signed_versions": [rec(v, ("id", "signed_at")) for v in snap.signed_versions],
        "health_checks": sorted([rec(h, ("id", "at")) for h in snap.health_checks], key=lambda h: h["side"]),
        "invitation": snap.invitation,
    }


def signed_forgery(data: Mapping[str, Any]) -> dict[str, Any]:
    """An export document that claims to be signed: a signed state, an approval and a
    signed version that no store may take from a file."""
    return {**data, "project": {**data["project"], "signed_at": "2026-11-01T10:00:00+00:00",
                                "signed_hash": "a" * 64},
            "approvals": [{"id": "x", "side": "partner", "name": "Ole", "content_hash": "a" * 64,
                           "approved_at": "2026-11-01T10:00:00+00:00"}],
            "signed_versions": [{"id": "v", "content_hash": "a" * 64, "markdown": "# Aftale",
                                 "signed_at": "2026-11-01T10:00:00+00:00"}]}


class StoreContract:
    """Every public behaviour of the Store contract, run against one backend."""

    # -- projects and links -------------------------------------------------------------

    def test_create_project_gives_four_distinct_256_bit_links(self, store: Store) -> None:
        access, tokens = make(store)
        assert set(tokens) == {"owner", "member", "partner", "viewer"}
        assert len(set(tokens.values())) == 4
        assert all(len(t) == 43 for t in tokens.values())
        assert access.role is Role.OWNER
        for role, token in tokens.items():
            opened = store.open(token)
            assert opened.project_id == access.project_id
            assert opened.role is Role(role)

    @pytest.mark.parametrize("token", ["", "abc", "x" * 43 + "!", "ø" * 43, pytest.param(new_token(), id="unknown")])
    def test_unknown_or_malformed_link_is_invalid(self, store: Store, token: str) -> None:
        make(store)
        with pytest.raises(InvalidLink):
            store.open(token)

    def test_rotating_a_link_revokes_the_old_one_at_once(self, store: Store) -> None:
        owner, tokens = make(store)
        partner = store.open(tokens["partner"])
        new = store.rotate_link(owner, Role.PARTNER)
        assert new != tokens["partner"]
        with pytest.raises(InvalidLink):
            store.open(tokens["partner"])
        with pytest.raises(InvalidLink):  # a session that opened the old link is cut off too
            store.revision(partner)
        assert store.open(new).role is Role.PARTNER
        assert store.open(tokens["owner"]).role is Role.OWNER

    def test_the_owner_sees_every_link_again_and_showing_revokes_nothing(self, store: Store) -> None:
        owner, tokens = make(store)
        shown = store.links(owner)
        assert shown == {Role(role): token for role, token in tokens.items()}
        assert store.links(owner) == shown
        for role, token in tokens.items():
            assert store.open(token).role is Role(role)

    def test_only_the_owner_sees_the_links(self, store: Store) -> None:
        _, tokens = make(store)
        for role in ("partner", "viewer"):
            with pytest.raises(Forbidden):
                store.links(store.open(tokens[role]))
            with pytest.raises(Forbidden):
                store.opened(store.open(tokens[role]))

    def test_a_rotated_partner_link_is_the_one_shown_again(self, store: Store) -> None:
        owner, tokens = make(store)
        new = store.rotate_link(owner, Role.PARTNER)
        shown = store.links(owner)
        assert shown[Role.PARTNER] == new
        assert shown[Role.VIEWER] == tokens["viewer"]

    def test_rotating_the_owner_link_keeps_the_others_showable(self, store: Store) -> None:
        owner, tokens = make(store)
        new_owner = store.open(store.rotate_link(owner, Role.OWNER))
        with pytest.raises(InvalidLink):
            store.links(owner)
        assert store.links(new_owner) == {Role.OWNER: new_owner.token, Role.PARTNER: tokens["partner"],
                                          Role.VIEWER: tokens["viewer"], Role.MEMBER: tokens["member"]}
        assert store.open(tokens["partner"]).role is Role.PARTNER

    def test_an_imported_project_shows_its_new_links(self, store: Store) -> None:
        owner, _ = make(store)
        copy, tokens = store.import_project(store.export_project(owner), ME)
        assert store.links(copy) == {Role(role): token for role, token in tokens.items()}

    def test_a_links_first_opening_is_recorded_once(self, store: Store) -> None:
        owner, tokens = make(store)
        assert store.opened(owner) == set()
        partner = store.open(tokens["partner"])
        before = store.revision(owner)
        store.mark_opened(partner)
        assert store.opened(owner) == {Role.PARTNER}
        assert store.revision(owner) == before + 1  # the owner's page notices the arrival
        store.mark_opened(partner)
        assert store.revision(owner) == before + 1
        store.rotate_link(owner, Role.PARTNER)
        assert store.opened(owner) == set()  # a new partner link has not been opened yet
        with pytest.raises(InvalidLink):
            store.mark_opened(partner)

    def test_only_the_owner_rotates_links(self, store: Store) -> None:
        _, tokens = make(store)
        with pytest.raises(Forbidden):
            store.rotate_link(store.open(tokens["partner"]), Role.VIEWER)

    def test_a_forged_access_is_refused(self, store: Store) -> None:
        owner, _ = make(store)
        other, _ = make(store)
        with pytest.raises(InvalidLink):
            store.snapshot(Access(other.project_id, Role.OWNER, owner.token))
        with pytest.raises(InvalidLink):
            store.set_field(Access(owner.project_id, Role.OWNER, new_token()), "s1_idea", "x", 0, ME)

    def test_an_access_claiming_more_than_its_token_grants_gets_no_more(self, store: Store) -> None:
        """The role always comes from the token: claiming owner on a partner token is
        refused outright (InvalidLink) or treated as the partner it is (Forbidden)."""
        owner, tokens = make(store)
        self._fill_internal(store, owner)
        claimed = Access(owner.project_id, Role.OWNER, tokens["partner"])
        try:
            snap = store.snapshot(claimed)
        except InvalidLink:
            pass
        else:
            assert snap.role is Role.PARTNER and snap.candidates == [] and not INTERNAL_KEYS & set(snap.fields)
        for attempt in (lambda: store.rotate_link(claimed, Role.VIEWER),
                        lambda: store.set_field(claimed, "s1_our_offer", "x", 1, ME),
                        lambda: store.add_candidate(claimed, "Ny", ME)):
            with pytest.raises((InvalidLink, Forbidden)):
                attempt()
        assert store.open(tokens["viewer"]).role is Role.VIEWER
        assert store.snapshot(owner).field("s1_our_offer").value == "HEMMELIG s1_our_offer"

    def test_update_project_is_compare_and_set(self, store: Store) -> None:
        owner, _ = make(store)
        v = store.snapshot(owner).project.version
        v2 = store.update_project(owner, {"partner_org": "Biblioteket"}, v, ME)
        assert v2 == v + 1
        assert store.snapshot(owner).project.partner_org == "Biblioteket"
        with pytest.raises(Conflict) as caught:
            store.update_project(owner, {"title": "Nyt"}, v, "Bo")
        assert caught.value.current.updated_by == ME and caught.value.current.updated_at is not None
        assert caught.value.current.value["partner_org"] == "Biblioteket"

    def test_delete_project_removes_it(self, store: Store) -> None:
        owner, tokens = make(store)
        store.delete_project(owner)
        with pytest.raises(InvalidLink):
            store.open(tokens["owner"])

    # -- fields -------------------------------------------------------------------------

    def test_field_versions_start_at_zero_and_count_writes(self, store: Store) -> None:
        owner, _ = make(store)
        assert store.snapshot(owner).field("s1_idea").version == 0
        assert store.set_field(owner, "s1_idea", "Lektiehjælp", 0, ME) == 1
        assert store.set_field(owner, "s1_idea", "Lektiehjælp om lørdagen", 1, ME) == 2
        fv = store.snapshot(owner).field("s1_idea")
        assert (fv.value, fv.version, fv.updated_by) == ("Lektiehjælp om lørdagen", 2, ME)
        assert fv.updated_at is not None

    def test_stale_write_raises_conflict_with_what_is_stored(self, store: Store) -> None:
        owner, _ = make(store)
        store.set_field(owner, "s4_vision", "Theirs", 0, "Bo")
        with pytest.raises(Conflict) as caught:
            store.set_field(owner, "s4_vision", "Mine", 0, ME)
        current = caught.value.current
        assert (current.value, current.version, current.updated_by) == ("Theirs", 1, "Bo")
        assert store.snapshot(owner).field("s4_vision").value == "Theirs"

    def test_a_stale_version_on_a_never_written_field_is_a_conflict(self, store: Store) -> None:
        owner, _ = make(store)
        with pytest.raises(Conflict) as caught:
            store.set_field(owner, "s1_idea", "x", 3, ME)
        assert (caught.value.current.value, caught.value.current.version) == ("", 0)

    def test_every_write_bumps_the_revision(self, store: Store) -> None:
        owner, _ = make(store)
        r0 = store.revision(owner)
        store.set_field(owner, "s1_idea", "x", 0, ME)
        r1 = store.revision(owner)
        assert r1 > r0
        assert store.snapshot(owner).revision == r1

    @pytest.mark.parametrize(
        ("key", "value", "code"),
        [("nope", "x", "unknown_field"), ("s1_idea", "x" * (MAX_TEXT + 1), "too_long"),
         ("s1_idea", "a\x00b", "not_text"), ("s1_idea", "lone \udc80 surrogate", "not_text")],
    )
    def test_bad_field_input_is_refused_and_nothing_saved(self, store: Store, key: str, value: str, code: str) -> None:
        owner, _ = make(store)
        r0 = store.revision(owner)
        with pytest.raises(ValidationError) as caught:
            store.set_field(owner, key, value, 0, ME)
        assert caught.value.code == code
        assert store.revision(owner) == r0

    def test_a_field_holds_exactly_the_longest_allowed_text(self, store: Store) -> None:
        owner, _ = make(store)
        text = "æøå🤝" * (MAX_TEXT // 4)
        store.set_field(owner, "s4_how", text, 0, ME)
        assert store.snapshot(owner).field("s4_how").value == text

    def test_blank_actor_is_refused(self, store: Store) -> None:
        owner, _ = make(store)
        with pytest.raises(ValidationError):
            store.set_field(owner, "s1_idea", "x", 0, "  ")

    def test_concurrent_compare_and_set_loses_no_write(self, store: Store) -> None:
        owner, _ = make(store)
        errors: list[BaseException] = []

        def writer(n: int) -> None:
            try:
                for i in range(40):
                    while True:
                        version = store.snapshot(owner).field("s4_vision").version
                        try:
                            store.set_field(owner, "s4_vision", f"w{n}-{i}", version, f"writer {n}")
                            break
                        except Conflict:
                            continue
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert store.snapshot(owner).field("s4_vision").version == 160
        entries = [h for h in store.history(owner, limit=10_000) if h.target == "s4_vision"]
        assert sorted(h.version for h in entries) == list(range(1, 161))
        assert {h.new for h in entries} == {f"w{n}-{i}" for n in range(4) for i in range(40)}

    # -- roles ----------------------------------------------------------------------------

    def _fill_internal(self, store: Store, owner: Access) -> None:
        for key in sorted(INTERNAL_KEYS):
            store.set_field(owner, key, f"HEMMELIG {key}", 0, ME)
        store.add_candidate(owner, "Hemmelig Kandidat A/S", ME)
        caller = store.add_person(owner, {"name": "Hemmelig Hanne", "side": "association"}, ME)
        store.add_task(owner, {"title": "Ring til Hemmelig Kandidat", "kind": "follow_up", "internal": True,
                               "responsible": caller.id, "due": date.today() + timedelta(days=7)}, ME)

    @pytest.mark.parametrize("role", ["partner", "viewer"])
    def test_partner_and_viewer_never_receive_internal_data(self, store: Store, role: str) -> None:
        owner, tokens = make(store)
        self._fill_internal(store, owner)
        store.set_field(owner, "s4_vision", "Fælles vision", 0, ME)
        other = store.open(tokens[role])
        snap = store.snapshot(other)
        assert not INTERNAL_KEYS & set(snap.fields)
        assert snap.candidates == []
        assert all(not t.internal for t in snap.tasks)
        assert snap.field("s4_vision").value == "Fælles vision"
        dumped = repr(snap) + repr(store.history(other)) + repr(store.export_project(other))
        assert "Hemmelig" not in dumped
        for key in INTERNAL_KEYS - {"s1_idea"}:
            assert f"HEMMELIG {key}" not in dumped

    def test_partner_sees_the_idea_as_invitation_viewer_does_not(self, store: Store) -> None:
        owner, tokens = make(store)
        store.set_field(owner, "s1_idea", "Lektiecafé for børn", 0, ME)
        assert store.snapshot(store.open(tokens["partner"])).invitation == "Lektiecafé for børn"
        assert store.snapshot(store.open(tokens["viewer"])).invitation == ""

    def test_partner_may_not_write_internal_data(self, store: Store) -> None:
        owner, tokens = make(store)
        partner = partner_of(store, tokens)
        with pytest.raises(Forbidden):
            store.set_field(partner, "s1_idea", "x", 0, "Bo")
        with pytest.raises(Forbidden):
            store.add_candidate(partner, "X", "Bo")
        with pytest.raises(Forbidden):
            store.add_task(partner, {"title": "x", "internal": True}, "Bo")
        with pytest.raises(Forbidden):
            store.add_person(partner, {"name": "X", "side": "association"}, "Bo")
        assert store.set_field(partner, "s4_vision", "ok", 0, "Bo") == 1

    def test_viewer_writes_nothing(self, store: Store) -> None:
        owner, tokens = make(store)
        viewer = store.open(tokens["viewer"])
        person = store.add_person(owner, {"name": "Eva", "side": "association"}, ME)
        attempts: list[Any] = [
            lambda: store.set_field(viewer, "s4_vision", "x", 0, "V"),
            lambda: store.add_person(viewer, {"name": "X", "side": "partner"}, "V"),
            lambda: store.update_person(viewer, person.id, {"name": "Y"}, 1, "V"),
            lambda: store.add_task(viewer, {"title": "x"}, "V"),
            lambda: store.update_project(viewer, {"title": "x"}, 1, "V"),
            lambda: store.approve(viewer, "V", agreement.content_hash("x"), "x", "V"),
        ]
        r0 = store.revision(owner)
        for attempt in attempts:
            with pytest.raises(Forbidden):
                attempt()
        assert store.revision(owner) == r0

    # -- candidates -----------------------------------------------------------------------

    def test_candidates_keep_the_order_named_and_are_never_deleted(self, store: Store) -> None:
        owner, _ = make(store)
        names = ["Biblioteket", "Skolen", "Ældresagen"]
        for name in names:
            store.add_candidate(owner, name, ME)
        cands = store.snapshot(owner).candidates
        assert [c.name for c in cands] == names
        assert [c.position for c in cands] == [1, 2, 3]
        store.update_candidate(owner, cands[1].id, {"status": "set_aside"}, cands[1].version, ME)
        after = store.snapshot(owner).candidates
        assert [c.name for c in after] == names
        assert after[1].status is CandidateStatus.SET_ASIDE

    def test_duplicate_candidate_name_is_refused(self, store: Store) -> None:
        owner, _ = make(store)
        store.add_candidate(owner, "Biblioteket", ME)
        with pytest.raises(ValidationError) as caught:
            store.add_candidate(owner, "  biblioteket ", ME)
        assert caught.value.code == "duplicate_candidate"
        assert len(store.snapshot(owner).candidates) == 1

    def test_candidate_assessment_and_priority(self, store: Store) -> None:
        owner, _ = make(store)
        a = store.add_candidate(owner, "A", ME)
        b = store.add_candidate(owner, "B", ME)
        store.update_candidate(owner, a.id, {"resources": 4, "competences": 5, "values": 3, "fit": 4,
                                             "note": "God", "priority": 1}, 1, ME)
        store.update_candidate(owner, b.id, {"priority": 1}, 1, ME)  # takes 1 from A
        cands = {c.name: c for c in store.snapshot(owner).candidates}
        assert cands["B"].priority == 1
        assert cands["A"].priority is None
        assert (cands["A"].resources, cands["A"].score, cands["A"].note) == (4, 16, "God")
        with pytest.raises(ValidationError):
            store.update_candidate(owner, a.id, {"resources": 6}, cands["A"].version, ME)
        with pytest.raises(Conflict):
            store.update_candidate(owner, a.id, {"note": "stale"}, 1, ME)

    def test_refusal_promotes_the_next_priority(self, store: Store) -> None:
        owner, _ = make(store)
        ids = [store.add_candidate(owner, n, ME).id for n in ("A", "B", "C", "D")]
        for prio, cid in zip((1, 2, 3), ids[:3], strict=True):
            store.update_candidate(owner, cid, {"priority": prio}, 1, ME)
        nxt = store.record_refusal(owner, ids[0], 2, ME)
        assert nxt is not None and nxt.name == "B"
        cands = {c.name: c for c in store.snapshot(owner).candidates}
        assert cands["A"].status is CandidateStatus.REFUSED and cands["A"].priority is None
        assert (cands["B"].priority, cands["C"].priority, cands["D"].priority) == (1, 2, None)

    def test_refusal_redrafts_the_email_in_the_same_transaction(self, store: Store) -> None:
        owner, _ = make(store)
        a = store.add_candidate(owner, "A", ME)
        b = store.add_candidate(owner, "B", ME)
        store.update_candidate(owner, a.id, {"priority": 1}, 1, ME)
        store.update_candidate(owner, b.id, {"priority": 2}, 1, ME)
        store.set_field(owner, "s3_email", "Kære A", 0, ME)
        r0 = store.revision(owner)
        with pytest.raises(Conflict):  # the e-mail moved on: nothing at all is saved
            store.record_refusal(owner, a.id, 2, ME, email="Kære B", email_version=0)
        assert store.revision(owner) == r0
        assert {c.name: c.status for c in store.snapshot(owner).candidates}["A"] is CandidateStatus.ACTIVE
        nxt = store.record_refusal(owner, a.id, 2, ME, email="Kære B", email_version=1)
        snap = store.snapshot(owner)
        assert nxt is not None and nxt.name == "B"
        assert (snap.field("s3_email").value, snap.field("s3_email").version) == ("Kære B", 2)

    # -- step 3's answer: one transaction each -------------------------------------------

    @staticmethod
    def _asked(store: Store) -> tuple[Access, dict[str, str], dict[str, str]]:
        """A project whose first priority was asked: candidates A (1) and B (2), two open
        internal follow-ups, and tasks the answer must leave alone; their ids by name."""
        owner, tokens = make(store)
        a = store.add_candidate(owner, "A", ME)
        b = store.add_candidate(owner, "B", ME)
        store.update_candidate(owner, a.id, {"priority": 1}, 1, ME)
        store.update_candidate(owner, b.id, {"priority": 2}, 1, ME)
        eva = store.add_person(owner, {"name": "Eva", "side": "association"}, ME).id
        tasks = {
            "chase": {"title": "Følg op på A", "kind": "follow_up", "internal": True, "due": "2026-12-01",
                      "responsible": eva},
            "chase again": {"title": "Ring til A", "kind": "follow_up", "internal": True, "due": "2026-12-08",
                            "responsible": eva},
            "closed": {"title": "Gammel opfølgning", "kind": "follow_up", "internal": True, "responsible": eva},
            "joint": {"title": "Opfølgningsmøde", "kind": "follow_up", "responsible": eva},
            "own task": {"title": "Skriv referat", "kind": "task", "internal": True},
        }
        ids = {"A": a.id, "B": b.id, **{k: store.add_task(owner, v, ME).id for k, v in tasks.items()}}
        store.update_task(owner, ids["closed"], {"status": "done"}, 1, ME)
        return owner, tokens, ids

    @staticmethod
    def _statuses(store: Store, owner: Access, ids: dict[str, str]) -> dict[str, TaskStatus]:
        by_id = {t.id: t.status for t in store.snapshot(owner).tasks}
        return {k: by_id[v] for k, v in ids.items() if v in by_id}

    def test_said_yes_makes_the_partner_and_closes_the_open_follow_ups_at_once(self, store: Store) -> None:
        owner, _, ids = self._asked(store)
        before = store.snapshot(owner)
        assert store.said_yes(owner, ids["A"], before.project.version, ME) == before.project.version + 1
        snap = store.snapshot(owner)
        assert snap.project.partner_org == "A" and snap.project.version == before.project.version + 1
        done, planned = TaskStatus.DONE, TaskStatus.PLANNED
        assert self._statuses(store, owner, ids) == {"chase": done, "chase again": done, "closed": done,
                                                     "joint": planned, "own task": planned}
        assert snap.revision == before.revision + 3  # the project and two tasks, each with its entry
        newest = store.history(owner, limit=3)
        assert sorted(h.entity for h in newest) == ["project", "task", "task"]
        assert all(h.actor == ME for h in newest)

    def test_said_yes_on_a_stale_version_saves_nothing(self, store: Store) -> None:
        owner, _, ids = self._asked(store)
        store.update_project(owner, {"website": "https://klub.dk"}, 1, "Bo")
        revision = store.revision(owner)
        with pytest.raises(Conflict) as caught:
            store.said_yes(owner, ids["A"], 1, ME)
        assert caught.value.current.version == 2 and caught.value.current.updated_by == "Bo"
        snap = store.snapshot(owner)
        assert snap.project.partner_org == "" and snap.project.version == 2
        assert self._statuses(store, owner, ids)["chase"] is TaskStatus.PLANNED
        assert self._statuses(store, owner, ids)["chase again"] is TaskStatus.PLANNED
        assert store.revision(owner) == revision

    def test_only_the_owner_records_the_answer(self, store: Store) -> None:
        owner, tokens, ids = self._asked(store)
        revision = store.revision(owner)
        for role in ("partner", "viewer"):
            other = store.open(tokens[role])
            with pytest.raises(Forbidden):
                store.said_yes(other, ids["A"], 1, ME)
            with pytest.raises(Forbidden):
                store.record_refusal(other, ids["A"], 2, ME)
        with pytest.raises(ValidationError) as unknown:
            store.said_yes(owner, "no-such-candidate", 1, ME)
        assert unknown.value.code == "not_found"
        assert store.revision(owner) == revision
        assert store.snapshot(owner).project.partner_org == ""

    def test_a_refusal_closes_the_open_follow_ups_in_its_transaction(self, store: Store) -> None:
        owner, _, ids = self._asked(store)
        store.set_field(owner, "s3_email", "Kære A", 0, ME)
        revision = store.revision(owner)
        with pytest.raises(Conflict):  # the e-mail moved on: the follow-ups stay open too
            store.record_refusal(owner, ids["A"], 2, ME, email="Kære B", email_version=0)
        assert store.revision(owner) == revision
        assert self._statuses(store, owner, ids)["chase"] is TaskStatus.PLANNED
        nxt = store.record_refusal(owner, ids["A"], 2, ME, email="Kære B", email_version=1)
        assert nxt is not None and nxt.name == "B"
        done, planned = TaskStatus.DONE, TaskStatus.PLANNED
        assert self._statuses(store, owner, ids) == {"chase": done, "chase again": done, "closed": done,
                                                     "joint": planned, "own task": planned}
        snap = store.snapshot(owner)
        assert snap.project.partner_org == "" and snap.field("s3_email").value == "Kære B"

    # -- people and tasks ---------------------------------------------------------------

    def test_people_and_tasks_are_versioned_records(self, store: Store) -> None:
        owner, tokens = make(store)
        partner = partner_of(store, tokens)
        eva = store.add_person(owner, {"name": "Eva", "side": "association", "first_meeting": True}, ME)
        ole = store.add_person(partner, {"name": "Ole", "side": "partner", "working_group": True}, "Ole")
        task = store.add_task(owner, {"title": "Første møde", "kind": "activity", "responsible": ole.id,
                                      "side": "partner", "start": date(2027, 1, 5), "due": date(2027, 2, 1)}, ME)
        assert task.version == 1 and eva.version == 1
        assert store.update_task(partner, task.id, {"status": "in_progress"}, 1, "Ole") == 2
        with pytest.raises(Conflict) as caught:
            store.update_task(owner, task.id, {"status": "done"}, 1, ME)
        assert caught.value.current.value["status"] == "in_progress"
        assert caught.value.current.updated_by == "Ole"
        snap = store.snapshot(owner)
        got = next(t for t in snap.tasks if t.id == task.id)
        assert (got.kind, got.status, got.start, got.side) == (
            TaskKind.ACTIVITY, TaskStatus.IN_PROGRESS, date(2027, 1, 5), Side.PARTNER)
        assert snap.person(ole.id) is not None and snap.person(ole.id).working_group  # type: ignore[union-attr]

    def test_task_due_before_start_is_refused(self, store: Store) -> None:
        owner, _ = make(store)
        with pytest.raises(ValidationError) as caught:
            store.add_task(owner, {"title": "x", "start": "2027-02-01", "due": "2027-01-01"}, ME)
        assert caught.value.code == "due_before_start"
        task = store.add_task(owner, {"title": "x", "start": "2027-02-01"}, ME)
        with pytest.raises(ValidationError):
            store.update_task(owner, task.id, {"due": "2027-01-01"}, 1, ME)

    def test_task_responsible_must_be_a_person_of_the_project(self, store: Store) -> None:
        owner, _ = make(store)
        with pytest.raises(ValidationError):
            store.add_task(owner, {"title": "x", "responsible": "nobody"}, ME)

    # -- history and restore ------------------------------------------------------------

    def test_history_records_who_when_old_and_new(self, store: Store) -> None:
        owner, tokens = make(store)
        partner = partner_of(store, tokens)
        store.set_field(owner, "s4_vision", "one", 0, ME)
        store.set_field(partner, "s4_vision", "two", 1, "Bo")
        newest = store.history(owner)[0]
        assert (newest.entity, newest.target, newest.actor, newest.role) == ("field", "s4_vision", "Bo", Role.PARTNER)
        assert (newest.old, newest.new, newest.version) == ("one", "two", 2)

    def test_restore_writes_an_earlier_value_as_a_new_version(self, store: Store) -> None:
        owner, _ = make(store)
        store.set_field(owner, "s4_objectives", "first", 0, ME)
        store.set_field(owner, "s4_objectives", "second", 1, ME)
        first = next(h for h in store.history(owner) if h.new == "first")
        assert store.restore(owner, first.id, 2, ME) == 3
        assert store.snapshot(owner).field("s4_objectives").value == "first"
        with pytest.raises(Conflict):
            store.restore(owner, first.id, 2, ME)

    def test_restore_a_task(self, store: Store) -> None:
        owner, _ = make(store)
        task = store.add_task(owner, {"title": "Plakat"}, ME)
        store.update_task(owner, task.id, {"title": "Plakat og flyer"}, 1, ME)
        created = next(h for h in store.history(owner) if h.target == task.id and h.version == 1)
        store.restore(owner, created.id, 2, ME)
        assert next(t for t in store.snapshot(owner).tasks if t.id == task.id).title == "Plakat"

    # -- agreement ----------------------------------------------------------------------

    def test_both_sides_approving_the_same_text_signs_and_locks(self, store: Store) -> None:
        owner, tokens = make(store)
        partner = partner_of(store, tokens)
        text = "# Aftale\n\nVi samarbejder."
        digest = agreement.content_hash(text)
        store.approve(owner, "Anna", digest, text, ME)
        with pytest.raises(ValidationError) as caught:
            store.approve(owner, "Anna", digest, text, ME)
        assert caught.value.code == "already_approved"
        assert store.snapshot(owner).project.signed_at is None
        store.approve(partner, "Ole", digest, text, "Ole")
        snap = store.snapshot(owner)
        assert snap.project.signed_at is not None and snap.project.signed_hash == digest
        assert [v.markdown for v in snap.signed_versions] == [text]
        assert {a.side for a in snap.approvals} == {Side.ASSOCIATION, Side.PARTNER}
        with pytest.raises(Forbidden) as locked:
            store.set_field(partner, "s4_vision", "changed", 0, "Ole")
        assert locked.value.code == "signed"
        store.reopen(owner, ME)
        store.set_field(partner, "s4_vision", "changed", 0, "Ole")
        assert [v.markdown for v in store.snapshot(owner).signed_versions] == [text]

    def test_approval_must_match_the_text(self, store: Store) -> None:
        owner, _ = make(store)
        with pytest.raises(ValidationError):
            store.approve(owner, "Anna", agreement.content_hash("other"), "text", ME)

    def test_signed_agreement_tasks_still_track_status(self, store: Store) -> None:
        owner, tokens = make(store)
        task = store.add_task(owner, {"title": "Aktivitet", "kind": "activity"}, ME)
        text = "# Aftale"
        store.approve(owner, "Anna", agreement.content_hash(text), text, ME)
        store.approve(partner_of(store, tokens), "Ole", agreement.content_hash(text), text, "Ole")
        assert store.update_task(owner, task.id, {"status": "done"}, 1, ME) == 2
        with pytest.raises(Forbidden):
            store.update_task(owner, task.id, {"title": "Ny titel"}, 2, ME)

    # -- health checks and presence -----------------------------------------------------

    def test_health_checks_are_per_side(self, store: Store) -> None:
        owner, tokens = make(store)
        store.add_health_check(owner, "Anna", {"communication": ("green", "Fint")}, ME)
        store.add_health_check(partner_of(store, tokens), "Ole", {"communication": ("red", "Svært")}, "Ole")
        checks = store.snapshot(owner).health_checks
        assert [(c.side, c.answers["communication"][0]) for c in checks] == [
            (Side.ASSOCIATION, "green"), (Side.PARTNER, "red")]
        with pytest.raises(ValidationError):
            store.add_health_check(owner, "Anna", {"communication": ("purple", "")}, ME)
        with pytest.raises(Forbidden):
            store.add_health_check(store.open(tokens["viewer"]), "V", {"communication": ("green", "")}, "V")

    def test_heartbeat_returns_revision_and_the_others_present(self, store: Store) -> None:
        owner, tokens = make(store)
        partner = partner_of(store, tokens)
        revision, others = store.heartbeat(owner, "s-owner", "Anna", "")
        assert revision == store.revision(owner) and others == []
        store.heartbeat(partner, "s-partner", "Ole", "s4_vision")
        _, others = store.heartbeat(owner, "s-owner", "Anna", "")
        assert [(p.name, p.role, p.editing) for p in others] == [("Ole", Role.PARTNER, "s4_vision")]

    # -- live (the hub's batched calls) ---------------------------------------------------

    def test_revisions_answers_many_tokens_in_one_call_and_only_valid_ones(self, store: Store) -> None:
        a, a_tokens = make(store)
        b, b_tokens = make(store)
        store.set_field(b, "s4_vision", "Ny", 0, ME)
        gone, gone_tokens = make(store)
        store.delete_project(gone)
        revoked = a_tokens["viewer"]
        store.rotate_link(a, Role.VIEWER)
        asked = [a_tokens["owner"], a_tokens["partner"], b_tokens["viewer"], revoked, gone_tokens["owner"],
                 new_token(), "", "x" * 43 + "!", "ø" * 43]
        assert store.revisions(asked) == {
            a_tokens["owner"]: store.revision(a), a_tokens["partner"]: store.revision(a),
            b_tokens["viewer"]: store.revision(b),
        }
        assert store.revisions([]) == {}
        assert store.revisions([revoked, new_token()]) == {}

    def test_revisions_moves_with_every_write(self, store: Store) -> None:
        owner, tokens = make(store)
        before = store.revisions([tokens["partner"]])[tokens["partner"]]
        store.set_field(owner, "s4_vision", "Ny", 0, ME)
        assert store.revisions([tokens["partner"]]) == {tokens["partner"]: before + 1}

    def test_a_commit_listener_hears_every_write_after_it_committed(self, store: Store) -> None:
        owner, tokens = make(store)
        heard: list[tuple[str, int | None, int]] = []

        def listen(project_id: str, revision: int | None, scope: str | None) -> None:
            if project_id == owner.project_id:
                heard.append((project_id, revision, store.revisions([tokens["viewer"]]).get(tokens["viewer"], -1)))

        store.add_commit_listener(listen)
        store.set_field(owner, "s4_vision", "Ny", 0, ME)
        with pytest.raises(Conflict):
            store.set_field(owner, "s4_vision", "Gammel", 0, ME)
        store.heartbeat(owner, "s", "Anna", "")
        settle(store, lambda: len(heard) >= 1)
        assert len(heard) == 1, "one write, one notice; a refused write and a heartbeat none"
        project_id, revision, seen = heard[0]
        assert project_id == owner.project_id
        assert revision in (None, store.revision(owner)) and seen == store.revision(owner), "heard after commit"
        store.delete_project(owner)
        settle(store, lambda: heard[-1][:2] == (owner.project_id, None))
        assert heard[-1][:2] == (owner.project_id, None)

    def test_a_commit_notice_says_when_a_write_changed_only_one_fields_text(self, store: Store) -> None:
        owner, _ = make(store)
        scopes: list[str | None] = []
        store.add_commit_listener(lambda project, _revision, scope: scopes.append(scope)
                                  if project == owner.project_id else None)
        store.set_field(owner, "s4_vision", "Ny", 0, ME)
        store.set_field(owner, "s4_vision", "Nyere", 1, ME)
        store.set_field(owner, "s4_vision", "  ", 2, ME)
        store.add_candidate(owner, "Biblioteket", ME)
        settle(store, lambda: len(scopes) >= 4)
        if store.pushes_commits:
            assert scopes == ["fill:s4_vision", "text:s4_vision", "fill:s4_vision", None]
        else:  # the RPC answers no revision or scope: every notice is "ask revisions"
            assert scopes == [None, None, None, None]

    @pytest.mark.parametrize("kind", list(TaskKind))
    @pytest.mark.parametrize("status", list(TaskStatus))
    def test_every_task_kind_and_status_round_trips_through_the_engine(self, store: Store, kind: TaskKind,
                                                                        status: TaskStatus) -> None:
        """A value added to an enum and not to the database (a CHECK constraint, a list in a
        function) fails here, whichever side was forgotten."""
        owner, tokens = make(store)
        eva = store.add_person(owner, {"name": "Eva", "side": "partner"}, ME)
        task = store.add_task(owner, {"title": "Opgave", "kind": kind, "status": status, "side": "partner",
                                      "responsible": eva.id}, ME)
        assert (task.kind, task.status) == (kind, status)
        [seen] = store.snapshot(store.open(tokens["viewer"])).tasks
        assert (seen.kind, seen.status, seen.side) == (kind, status, Side.PARTNER)
        other = next(s for s in TaskStatus if s is not status)
        store.update_task(owner, task.id, {"status": other}, 1, ME)
        assert store.snapshot(owner).tasks[0].status is other

    @pytest.mark.parametrize("spec", FIELDS, ids=lambda f: f.key)
    def test_every_field_of_the_catalogue_round_trips_through_the_engine(self, store: Store, spec: FieldSpec) -> None:
        """A field added to ``steps.FIELDS`` and not to the database's catalogue (the
        generated migration) fails here; so does one whose internal flag differs."""
        owner, tokens = make(store)
        writer = owner if spec.internal else store.open(tokens["partner"])
        store.set_field(writer, spec.key, "Tekst", 0, ME)
        assert store.snapshot(owner).field(spec.key).value == "Tekst"
        assert (spec.key in store.snapshot(store.open(tokens["viewer"])).fields) is not spec.internal

    @pytest.mark.parametrize("status", list(CandidateStatus))
    def test_every_candidate_status_round_trips_through_the_engine(self, store: Store,
                                                                   status: CandidateStatus) -> None:
        owner, _ = make(store)
        cand = store.add_candidate(owner, "Biblioteket", ME)
        store.update_candidate(owner, cand.id, {"status": status}, 1, ME)
        assert store.snapshot(owner).candidates[0].status is status

    def test_contact_details_are_kept_only_with_the_persons_consent_which_is_recorded(self, store: Store,
                                                                                       database_rows: Rows) -> None:
        owner, _ = make(store)
        with pytest.raises(ValidationError) as caught:
            store.add_person(owner, {"name": "Eva", "side": "association", "contact": "eva@example.org"}, ME)
        assert (caught.value.code, caught.value.params["what"]) == ("consent_required", "person.contact")
        assert store.snapshot(owner).people == []
        eva = store.add_person(owner, {"name": "Eva", "side": "association", "contact": "eva@example.org",
                                       "contact_consent": True}, ME)
        assert eva.contact == "eva@example.org"
        store.update_person(owner, eva.id, {"title": "Kasserer"}, 1, ME)  # the same contact: nothing to ask
        with pytest.raises(ValidationError):
            store.update_person(owner, eva.id, {"contact": "12 34 56 78"}, 2, ME)
        store.update_person(owner, eva.id, {"contact": "12 34 56 78", "contact_consent": True}, 2, ME)
        assert database_rows("select contact, actor from partnership_private.consents where person_id = %s order by id",
                             (eva.id,)) == [("eva@example.org", ME), ("12 34 56 78", ME)]

    def test_the_owner_erases_a_persons_details_everywhere_history_included(self, store: Store,
                                                                            database_rows: Rows) -> None:
        owner, tokens = make(store)
        eva = store.add_person(owner, {"name": "Eva Hemmelig", "side": "association", "working_group": True,
                                       "contact": "eva@example.org", "contact_consent": True}, ME)
        store.update_person(owner, eva.id, {"title": "Kasserer"}, 1, ME)
        task = store.add_task(owner, {"title": "Møde", "kind": "follow_up", "responsible": eva.id}, ME)
        with pytest.raises(Forbidden):
            store.erase_person(partner_of(store, tokens), eva.id, 2, "Ole")
        with pytest.raises(Conflict):
            store.erase_person(owner, eva.id, 1, ME)
        assert store.erase_person(owner, eva.id, 2, ME) == 3
        snap = store.snapshot(owner)
        [gone] = snap.people
        assert (gone.name, gone.title, gone.contact, gone.working_group) == ("", "", "", False)
        assert snap.tasks[0].id == task.id and snap.tasks[0].responsible == ""
        everything = repr(snap) + repr(store.history(owner, limit=10_000)) + repr(store.export_project(owner))
        assert "Hemmelig" not in everything and "eva@example.org" not in everything
        assert database_rows("select count(*) from partnership_private.consents where person_id = %s",
                             (eva.id,)) == [(0,)]
        assert database_rows("select count(*) from partnership_private.history where project_id = %s"
                             " and old || new like %s", (owner.project_id, "%Hemmelig%")) == [(0,)]

    def test_a_follow_up_needs_someone_responsible(self, store: Store) -> None:
        owner, _ = make(store)
        eva = store.add_person(owner, {"name": "Eva", "side": "association"}, ME)
        revision = store.revision(owner)
        with pytest.raises(ValidationError) as caught:
            store.add_task(owner, {"title": "Opfølgningsmøde", "kind": "follow_up"}, ME)
        assert (caught.value.code, caught.value.params["what"]) == ("responsible_required", "task.responsible")
        assert store.revision(owner) == revision and store.snapshot(owner).tasks == []
        meeting = store.add_task(owner, {"title": "Opfølgningsmøde", "kind": "follow_up",
                                         "responsible": eva.id}, ME)
        with pytest.raises(ValidationError) as emptied:
            store.update_task(owner, meeting.id, {"responsible": ""}, 1, ME)
        assert emptied.value.code == "responsible_required"
        task = store.add_task(owner, {"title": "Skriv referat"}, ME)  # a plain task may have nobody
        with pytest.raises(ValidationError):
            store.update_task(owner, task.id, {"kind": "follow_up"}, 1, ME)
        assert store.update_task(owner, task.id, {"kind": "follow_up", "responsible": eva.id}, 1, ME) == 2

    def test_heartbeats_say_many_sessions_are_here_in_one_call(self, store: Store) -> None:
        owner, tokens = make(store)
        other, other_tokens = make(store)
        store.heartbeat(store.open(tokens["viewer"]), "s-viewer", "", "")
        answer = store.heartbeats([
            (tokens["owner"], "s-anna", "Anna", "s1_idea"), (tokens["partner"], "s-ole", "Ole", "s4_vision"),
            (other_tokens["owner"], "s-bo", "Bo", ""), (new_token(), "s-x", "X", ""), ("bad", "s-y", "Y", ""),
            (tokens["owner"], "", "Blank session", ""),
        ])
        assert set(answer) == {tokens["owner"], tokens["partner"], other_tokens["owner"]}
        here = {(p.session_id, p.name, p.role, p.editing) for p in answer[tokens["owner"]]}
        anna, ole = presence_id(tokens["owner"], "s-anna"), presence_id(tokens["partner"], "s-ole")
        viewer = presence_id(tokens["viewer"], "s-viewer")
        assert here == {(anna, "Anna", Role.OWNER, "s1_idea"), (ole, "Ole", Role.PARTNER, "s4_vision"),
                        (viewer, "", Role.VIEWER, "")}
        assert {(p.session_id, p.editing) for p in answer[tokens["partner"]]} == {
            (anna, "internal"), (ole, "s4_vision"), (viewer, "")}, "the partner never learns an internal key"
        assert [p.name for p in answer[other_tokens["owner"]]] == ["Bo"]
        _, others = store.heartbeat(store.open(tokens["viewer"]), "s-viewer", "", "")
        assert {p.name for p in others} == {"Anna", "Ole"}, "the single heartbeat sees the batched ones"
        store.rotate_link(owner, Role.PARTNER)
        assert store.heartbeats([(tokens["partner"], "s-ole", "Ole", "")]) == {}

    def test_batched_heartbeats_mask_internal_keys_for_partner_and_viewer(self, store: Store) -> None:
        owner, tokens = make(store)
        cand = store.add_candidate(owner, "Biblioteket", ME)
        partner = partner_of(store, tokens)
        for key in ("s3_email", f"re_cand_{cand.id}", "s1_idea"):
            answer = store.heartbeats([(tokens["owner"], "owner-tab", ME, key),
                                       (tokens["partner"], "partner-tab", "Ole", ""),
                                       (tokens["viewer"], "viewer-tab", "Vera", "")])
            for reader in (tokens["partner"], tokens["viewer"]):
                told = [p.editing for p in answer[reader] if p.role is Role.OWNER]
                assert told == ["internal"], (key, told)
            assert [p.editing for p in answer[tokens["owner"]] if p.role is Role.OWNER] == [key]
        store.heartbeats([(tokens["owner"], "owner-tab", ME, "s4_vision")])
        assert [p.editing for p in store.heartbeat(partner, "partner-tab", "Ole", "")[1]
                if p.role is Role.OWNER] == ["s4_vision"], "a joint field is named"

    def test_presence_hands_no_session_id_to_anyone_and_one_link_cannot_speak_for_another(
            self, store: Store) -> None:
        owner, tokens = make(store)
        viewer = store.open(tokens["viewer"])
        store.heartbeat(owner, "owner-session", "Anna", "s4_vision")
        _, seen = store.heartbeat(viewer, "viewer-session", "Vera", "")
        assert all("owner-session" not in p.session_id for p in seen)
        # a viewer who got hold of the owner's session id sends it, and the id it was shown
        store.heartbeat(viewer, "owner-session", "Mallory", "")
        store.heartbeats([(tokens["viewer"], seen[0].session_id, "Mallory", ""),
                          (tokens["viewer"], "owner-session", "Mallory", "")])
        _, others = store.heartbeat(store.open(tokens["partner"]), "partner-session", "Ole", "")
        assert ("Anna", Role.OWNER, "s4_vision") in [(p.name, p.role, p.editing) for p in others], "the owner stays"
        assert {p.role for p in others if p.name == "Mallory"} == {Role.VIEWER}

    def test_one_batched_heartbeat_cannot_invent_a_crowd(self, store: Store) -> None:
        owner, tokens = make(store)
        answer = store.heartbeats([(tokens["viewer"], f"invented-{i}", f"Person {i}", "") for i in range(1000)])
        crowd = len(answer[tokens["viewer"]])
        assert 0 < crowd <= 64
        for round_ in range(3):  # call after call, the project does not fill up past its cap
            store.heartbeats([(tokens["viewer"], f"more-{round_}-{i}", "X", "") for i in range(64)])
        _, others = store.heartbeat(owner, "owner-session", "Anna", "")
        assert len(others) <= 100
        seen_by_partner = store.heartbeat(partner_of(store, tokens), "partner-session", "Ole", "")[1]
        assert ("Anna", Role.OWNER) in [(p.name, p.role) for p in seen_by_partner], "the owner is still let in"

    def test_presence_hides_which_internal_field_the_owner_edits(self, store: Store) -> None:
        owner, tokens = make(store)
        partner = partner_of(store, tokens)
        viewer = store.open(tokens["viewer"])
        store.heartbeat(owner, "owner-tab", ME, "s1_vision_fit")
        for access in (partner, viewer):
            seen = [p for p in store.heartbeat(access, f"{access.role.value}-tab", "Ole", "")[1]
                    if p.role is Role.OWNER]
            assert [p.editing for p in seen] == ["internal"]
        store.heartbeat(owner, "owner-tab", ME, "s4_vision")
        assert [p.editing for p in store.heartbeat(partner, "partner-tab", "Ole", "")[1]
                if p.role is Role.OWNER] == ["s4_vision"]
        store.heartbeat(partner, "partner-tab", "Ole", "s4_objectives")
        assert "s4_objectives" in [p.editing for p in store.heartbeat(owner, "owner-tab", ME, "s1_idea")[1]]

    def test_partner_history_leaves_out_partner_organisations_from_before_the_yes(self, store: Store) -> None:
        owner, tokens = make(store)
        store.update_project(owner, {"partner_org": "Skolen der sagde nej"}, 1, ME)
        store.update_project(owner, {"partner_org": "Biblioteket"}, 2, ME)
        partner = partner_of(store, tokens)
        for access in (partner, store.open(tokens["viewer"])):
            seen = [e for e in store.history(access) if e.entity == "project"]
            assert seen and not any("Skolen" in e.old + e.new for e in seen)
            assert any("Biblioteket" in e.new for e in seen)
        assert any("Skolen" in e.new for e in store.history(owner))

    @pytest.mark.parametrize("due", ["9999-12-31", "1899-12-31", "2201-01-01"])
    def test_dates_outside_1900_to_2200_are_refused(self, store: Store, due: str) -> None:
        owner, _ = make(store)
        with pytest.raises(ValidationError) as caught:
            store.add_task(owner, {"title": "Langt ude", "due": due}, ME)
        assert caught.value.code == "date_range"
        assert store.snapshot(owner).tasks == []

    # -- exchange -----------------------------------------------------------------------

    def test_export_import_export_is_identical(self, store: Store) -> None:
        owner, _ = make(store)
        self._fill_internal(store, owner)
        store.update_project(owner, {"partner_org": "Biblioteket"}, 1, ME)
        eva = store.add_person(owner, {"name": "Eva", "side": "association", "working_group": True}, ME)
        store.add_task(owner, {"title": "Åbning 🎉", "kind": "milestone", "due": "2027-03-01",
                               "responsible": eva.id}, ME)
        store.set_field(owner, "s4_vision", "<b>fed</b> =1+1", 0, ME)
        first = store.export_project(owner)
        copy, copy_tokens = store.import_project(first, "Importør")
        assert copy.project_id != owner.project_id
        again = store.export_project(copy)
        marker = again["history"].pop()  # the import closes the file's history
        assert (marker["entity"], marker["actor"]) == ("import", "Importør")
        assert again == first
        assert store.open(copy_tokens["owner"]).project_id == copy.project_id

    def test_an_imported_project_starts_unsigned(self, store: Store) -> None:
        owner, _ = make(store)
        good = store.export_project(owner)
        forged = signed_forgery(good)
        copy, _ = store.import_project(forged, "Bo")
        snap = store.snapshot(copy)
        assert snap.project.signed_at is None and snap.project.signed_hash == ""
        assert snap.approvals == [] and snap.signed_versions == []
        newest = store.history(copy, limit=1)[0]
        assert (newest.entity, newest.actor) == ("import", "Bo")

    def test_signed_versions_come_back_as_imported_history_never_as_signatures(self, store: Store) -> None:
        owner, _ = create_demo(store)  # signed by both sides
        signed = store.snapshot(owner)
        assert signed.project.signed_at is not None and len(signed.signed_versions) == 1
        copy, _ = store.import_project(store.export_project(owner), "Bo")
        snap = store.snapshot(copy)
        assert snap.project.signed_at is None and snap.approvals == [] and snap.signed_versions == []
        history = store.history(copy, limit=10_000)
        marker = history[0]
        assert marker.entity == "import"
        assert json.loads(marker.new)["signed_versions"] == 1 and json.loads(marker.new)["approvals"] == 2
        kept = [e for e in history if e.entity == "signed_version"]
        assert len(kept) == 1 and kept[0].target == signed.signed_versions[0].id
        body = json.loads(kept[0].new)
        assert body["markdown"] == signed.signed_versions[0].markdown
        assert body["content_hash"] == signed.signed_versions[0].content_hash
        assert approvals_from_history(history) == [], "an approval from the file is never read as one"
        text = agreement.render_markdown(snap, "da")  # signing again is the sides' own act
        store.approve(copy, "Anna", agreement.content_hash(text), text, ME)
        assert [a.name for a in approvals_from_history(store.history(copy))] == ["Anna"]

    @pytest.mark.parametrize(("section", "change", "where"), [
        ("project", {"title": "x" * 1_000_000}, "project"),
        ("project", {"title": ""}, "project"),
        ("project", {"version": 2**40}, "project"),
        ("candidates", {"name": "Skolen", "resources": 99}, "candidates #1"),
        ("candidates", {"name": "Skolen", "priority": 7}, "candidates #1"),
        ("tasks", {"title": "Plakat", "due": "9999-12-31"}, "tasks #1"),
        ("tasks", {"title": "Plakat", "responsible": "nobody-here"}, "tasks #1"),
        ("people", {"name": "Eva", "side": "association", "title": "t" * 201}, "people #1"),
    ])
    def test_import_checks_every_record_like_the_forms(self, store: Store, section: str, change: dict[str, Any],
                                                       where: str) -> None:
        owner, _ = make(store)
        store.add_candidate(owner, "Skolen", ME)
        store.add_task(owner, {"title": "Plakat"}, ME)
        store.add_person(owner, {"name": "Eva", "side": "association"}, ME)
        good = store.export_project(owner)
        bad = dict(good)
        if section == "project":
            bad["project"] = {**good["project"], **change}
        else:
            bad[section] = [{**good[section][0], **change}]
        with pytest.raises(ValidationError) as caught:
            store.import_project(bad, ME)
        assert caught.value.code == "bad_import_at" and caught.value.params["where"] == where

    def test_import_refuses_a_crafted_key_by_name(self, store: Store) -> None:
        owner, _ = make(store)
        good = store.export_project(owner)
        crafted = {**good, "fields": {"![x](http://host/x.png)": {"value": "", "version": 1, "updated_by": "",
                                                                  "updated_at": None}}}
        with pytest.raises(ValidationError) as caught:
            store.import_project(crafted, ME)
        assert "![x](http://host/x.png)" in str(caught.value.params.values())

    def test_import_rejects_what_is_not_an_export(self, store: Store) -> None:
        with pytest.raises(ValidationError):
            store.import_project({"format": "something else"}, ME)
        with pytest.raises(PartnershipError):
            store.import_project({"format": "partnerskab/1", "project": {"title": 5}}, ME)
        owner, _ = make(store)
        store.add_task(owner, {"title": "Plakat"}, ME)
        good = store.export_project(owner)
        broken_history = {**good, "history": [{**good["history"][0], "entity": "task", "new": "[1, 2]"}]}
        broken_health = {**good, "health_checks": [{"id": "h", "side": "partner", "name": "X",
                                                    "at": "2026-01-01T00:00:00+00:00",
                                                    "answers": {"communication": ["green"]}}]}
        for data in (broken_history, broken_health):
            with pytest.raises(ValidationError):
                store.import_project(data, ME)

    # -- the example project --------------------------------------------------------------

    def test_the_example_is_what_it_was_when_written_call_by_call(self, store: Store) -> None:
        """The example made in one transaction shows every role what the example made by
        some sixty store calls showed (example_before.json, written by that code)."""
        before = json.loads(EXAMPLE_BEFORE.read_text(encoding="utf-8"))
        _, tokens = create_demo(store, "Eksempel", today=date(2026, 3, 2))
        same = without_funding_and_term  # issue 25 added the applications and the period to the text
        for role in ("owner", "partner", "viewer"):
            assert same(example_view(store.snapshot(store.open(tokens[role])))) == same(before[role]), role
        owner, _ = create_demo(store, "Example", today=date(2026, 3, 2), lang="en")
        assert same(example_view(store.snapshot(owner))) == same(before["owner_en"])

    def test_the_example_is_signed_by_both_sides_and_its_history_is_its_own(self, store: Store) -> None:
        owner, tokens = create_demo(store, "Eksempel")
        snap = store.snapshot(owner)
        assert snap.project.signed_at is not None and len(snap.signed_versions) == 1
        assert {(a.side, a.name) for a in snap.approvals} == {(Side.ASSOCIATION, "Anna Holm"),
                                                               (Side.PARTNER, "Ole Berg")}
        history = store.history(owner)
        assert "import" not in {h.entity for h in history}
        after = [h.entity for h in history if not h.entity.startswith("meeting")]  # meetings come after signing
        assert after[:2] == ["approval", "approval"]
        assert {h.entity for h in store.history(store.open(tokens["partner"]))} <= {
            "field", "person", "task", "health", "approval", "meeting", "meeting_notes", "meeting_rhythm",
            "funding", "term"}
        assert store.links(owner)[Role.PARTNER] == tokens["partner"]

    def test_create_example_never_takes_approvals_or_the_signed_state(self, store: Store) -> None:
        data = demo.example_data("Eksempel")
        forged = signed_forgery(data)
        owner, _ = store.create_example(forged, ME)
        snap = store.snapshot(owner)
        assert snap.project.signed_at is None and snap.project.signed_hash == ""
        assert snap.approvals == [] and snap.signed_versions == []

    def test_create_example_is_all_or_nothing(self, store: Store, projects_titled: ProjectsTitled) -> None:
        """A record the database refuses half-way (a task id used twice, after the project,
        its links, fields, candidates, people and the other tasks) leaves no project."""
        data = demo.example_data("Eksempel")
        title = f"Halvt eksempel {new_token()[:8]}"
        tasks = data["tasks"]
        bad = {**data, "project": {**data["project"], "title": title},
               "tasks": [*tasks, {**tasks[-1], "title": "Samme id igen"}]}
        with pytest.raises(ValidationError) as caught:
            store.create_example(bad, ME)
        assert caught.value.code == "bad_import"
        assert projects_titled(title) == 0
        good, _ = store.create_example({**data, "project": {**data["project"], "title": title}}, ME)
        assert projects_titled(title) == 1  # the same records, stored whole
        assert len(store.snapshot(good).tasks) == len(tasks)


    # -- mail ----------------------------------------------------------------------------

    def test_a_person_opts_in_with_an_address_and_a_language_and_the_consent_is_kept(self, store: Store) -> None:
        owner, tokens = make(store)
        eva = store.add_person(owner, {"name": "Eva", "side": "association"}, ME)
        revision = store.revision(owner)
        sub = store.mail_subscribe(owner, eva.id, "  eva@example.org ", "en", "Eva", confirm_token=new_token())
        assert (sub.person_id, sub.email, sub.lang, sub.consented_by, sub.consented_role) == (
            eva.id, "eva@example.org", "en", "Eva", "owner")
        assert sub.consented_at.tzinfo is not None
        assert store.revision(owner) > revision
        assert store.mail_subscriptions(owner) == [sub]
        # A new consent replaces the old one: one active subscription per person.
        again = store.mail_subscribe(owner, eva.id, "eva@example.net", "da", "Eva", confirm_token=new_token())
        assert store.mail_subscriptions(owner) == [again] and again.id != sub.id

    def test_the_partner_signs_up_and_sees_only_its_own_people(self, store: Store) -> None:
        owner, tokens = make(store)
        partner = partner_of(store, tokens)
        eva = store.add_person(owner, {"name": "Eva", "side": "association", "working_group": True}, ME)
        ole = store.add_person(partner, {"name": "Ole", "side": "partner"}, "Ole")
        store.mail_subscribe(owner, eva.id, "eva@example.org", "da", ME, confirm_token=new_token())
        with pytest.raises(Forbidden):
            store.mail_subscribe(partner, eva.id, "hijack@example.org", "da", "Ole", confirm_token=new_token())
        mine = store.mail_subscribe(partner, ole.id, "ole@example.org", "en", "Ole", confirm_token=new_token())
        assert store.mail_subscriptions(partner) == [mine]
        assert {s.person_id for s in store.mail_subscriptions(owner)} == {eva.id, ole.id}
        viewer = store.open(tokens["viewer"])
        with pytest.raises(Forbidden):
            store.mail_subscriptions(viewer)
        with pytest.raises(Forbidden):
            store.mail_subscribe(viewer, ole.id, "v@example.org", "da", "V", confirm_token=new_token())
        with pytest.raises(Forbidden):
            store.mail_stop(partner, eva.id, "Ole")

    def test_a_bad_address_language_or_person_is_refused(self, store: Store) -> None:
        owner, _ = make(store)
        eva = store.add_person(owner, {"name": "Eva", "side": "association"}, ME)
        for bad in ("", "eva", "eva@example", "eva@@example.org", "eva@example.org\nBcc: x@example.org",
                    "Eva <eva@example.org>", "a" * 250 + "@example.org"):
            with pytest.raises(ValidationError) as caught:
                store.mail_subscribe(owner, eva.id, bad, "da", ME, confirm_token=new_token())
            assert caught.value.code in ("bad_email", "required"), bad
        with pytest.raises(ValidationError):
            store.mail_subscribe(owner, eva.id, "eva@example.org", "de", ME, confirm_token=new_token())
        with pytest.raises(ValidationError) as missing:
            store.mail_subscribe(owner, "nobody", "eva@example.org", "da", ME, confirm_token=new_token())
        assert missing.value.code == "not_found"
        assert store.mail_subscriptions(owner) == []

    def test_stopping_ends_the_subscription_and_a_token_of_another_project_reaches_nothing(self,
                                                                                           store: Store) -> None:
        owner, _ = make(store)
        other, _ = make(store)
        eva = store.add_person(owner, {"name": "Eva", "side": "association"}, ME)
        store.mail_subscribe(owner, eva.id, "eva@example.org", "da", ME, confirm_token=new_token())
        with pytest.raises(InvalidLink):
            store.mail_subscriptions(Access(owner.project_id, Role.OWNER, other.token))
        assert store.mail_stop(owner, eva.id, ME) is True
        assert store.mail_stop(owner, eva.id, ME) is False
        assert store.mail_subscriptions(owner) == []

    def test_an_unknown_or_malformed_unsubscribe_token_ends_nothing(self, store: Store) -> None:
        assert store.mail_unsubscribe(new_token()) is None
        assert store.mail_unsubscribe("not a token") is None
        assert store.mail_unsubscribe("") is None

    def test_erasing_a_person_erases_their_mail_subscription(self, store: Store) -> None:
        owner, _ = make(store)
        eva = store.add_person(owner, {"name": "Eva", "side": "association"}, ME)
        store.mail_subscribe(owner, eva.id, "eva@example.org", "da", ME, confirm_token=new_token())
        store.erase_person(owner, eva.id, eva.version, ME)
        assert store.mail_subscriptions(owner) == []

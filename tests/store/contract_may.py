"""What a link may do, as the snapshot says it (``Snapshot.may``), against what the SQL
functions do (issue 22, "one home for each rule").

For every role (owner, member, partner, viewer) and every state of the agreement (draft,
approved by one side, signed, closed) each capability is tried as a write: the store
must accept it exactly when the snapshot's ``may`` says yes. This is the test that fails
when the snapshot's rule (``may_json``) drifts from a write function's.

Each transport's module subclasses ``MayContract`` beside ``StoreContract``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest

from partnership import agreement
from partnership.errors import Forbidden, ValidationError
from partnership.model import Access, Role, Side, TaskKind
from partnership.model_may import May
from partnership.model_term import Outcome
from partnership.steps import FIELDS
from partnership.store.base import Store

ME = "Anna"
OLE = "Ole"
STATES = ("draft", "approved", "signed", "closed")
ROLES = (Role.VIEWER, Role.MEMBER, Role.PARTNER, Role.OWNER)  # the owner last: it may rotate and delete
TASK_VALUES: dict[str, Any] = {"title": "Ny titel", "status": "done", "note": "Noteret", "internal": True,
                               "kind": "milestone"}
# One field of each sort the rule tells apart (tracked after signing or not, read by the
# rule itself); a new kind last, as it changes the task's rule.
TASK_ORDER = ["title", "status", "note", "internal", "kind"]


def text(n: str) -> tuple[str, str]:
    body = f"# Aftale\n\nVersion {n}.\n"
    return agreement.content_hash(body), body


@dataclass
class World:
    """A project in one state, with something of each kind to try writes on."""

    owner: Access
    tokens: dict[str, str]
    people: dict[Side, str]
    erasable: str
    tasks: dict[str, str]


@dataclass
class Tally:
    """What was tried: (state, role, capability, may said, the store did) per try."""

    rows: list[tuple[str, str, str, bool, bool]] = field(default_factory=list)

    def mismatches(self) -> list[tuple[str, str, str, bool, bool]]:
        return [r for r in self.rows if r[3] != r[4]]


def build(store: Store, state: str) -> World:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", ME)
    partner = store.open(tokens["partner"])
    ole = store.add_person(partner, {"name": OLE, "side": "partner"}, OLE)
    kim = store.add_person(owner, {"name": "Kim", "side": "association"}, ME)
    gone = store.add_person(owner, {"name": "Gitte", "side": "partner"}, ME)
    tasks = {"plain": store.add_task(owner, {"title": "Plakat"}, ME).id,
             "agreement": store.add_task(owner, {"title": "Lektiehjælp", "kind": "activity"}, ME).id,
             "internal": store.add_task(owner, {"title": "Budget", "internal": True}, ME).id}
    store.set_field(owner, "s4_vision", "Flere børn lærer mere", 0, ME)
    store.set_term(owner, date(2027, 1, 1), date(2027, 12, 31), 0, ME)
    digest, body = text("fælles")
    if state != "draft":
        store.approve(owner, ME, digest, body, ME)
    if state in ("signed", "closed"):
        store.approve(partner, OLE, digest, body, OLE)
    if state == "closed":
        version = store.snapshot(owner).term.outcome_version
        store.choose_outcome(owner, Outcome.CLOSE, "", version, ME)
        store.choose_outcome(partner, Outcome.CLOSE, "", version + 1, OLE)
    return World(owner, tokens, {Side.PARTNER: ole.id, Side.ASSOCIATION: kim.id}, gone.id, tasks)


def did(call: Callable[[], object]) -> bool:
    """Whether the store accepted the write (a refusal: Forbidden, or 'not signed')."""
    try:
        call()
    except Forbidden:
        return False
    except ValidationError as exc:
        if exc.code != "not_signed":
            raise
        return False
    return True


def tries(store: Store, w: World, me: Access, may: May, name: str) -> list[tuple[str, bool, Callable[[], object]]]:
    """Every write that does not change the agreement's state, with what ``may`` says of it."""
    snap = store.snapshot(w.owner)  # the owner sees every version
    versions = {k: v.version for k, v in snap.fields.items()}
    task_versions = {t.id: t.version for t in snap.tasks}
    people = {p.id: p.version for p in snap.people}
    out: list[tuple[str, bool, Callable[[], object]]] = []

    def field_write(key: str) -> Callable[[], object]:
        def write() -> None:
            versions[key] = store.set_field(me, key, f"{name} skrev", versions.get(key, 0), name)
        return write

    for spec in FIELDS:
        out.append((f"field {spec.key}", spec.key in may.fields, field_write(spec.key)))
    for kind in TaskKind:
        out.append((f"add task {kind}", kind in may.task_kinds, lambda k=kind: store.add_task(
            me, {"title": f"{name} {k}", "kind": k, "responsible": w.people[Side.PARTNER]}, name)))
    out.append(("add internal task", may.internal_tasks,
                lambda: store.add_task(me, {"title": f"{name} intern", "internal": True}, name)))
    for label, task_id in w.tasks.items():
        for f in TASK_ORDER:
            value = TASK_VALUES[f]

            def edit(task_id: str = task_id, f: str = f, value: Any = value) -> None:
                task_versions[task_id] = store.update_task(me, task_id, {f: value}, task_versions[task_id], name)

            out.append((f"task {label} {f}", f in may.task(task_id), edit))
    for side, person in w.people.items():
        out.append((f"add person {side}", may.person(side),
                    lambda s=side: store.add_person(me, {"name": f"{name} {s}", "side": s}, name)))

        def change(person: str = person) -> None:
            people[person] = store.update_person(me, person, {"title": name}, people[person], name)

        out.append((f"change person {side}", may.person(side), change))
    out.append(("erase person", may.erase_person,
                lambda: store.erase_person(me, w.erasable, people[w.erasable], name)))
    out.append(("candidates", may.candidates, lambda: store.add_candidate(me, f"Kandidat {name}", name)))
    site = {"website": f"https://{name.lower()}.dk"}
    out.append(("project", may.project, lambda: store.update_project(me, site, snap.project.version, name)))
    out.append(("timer", may.timer, lambda: store.timer(me, "start", snap.timer.version, name)))
    out.append(("agenda", may.agenda, lambda: store.agenda(me, 1, snap.agenda.version, name)))
    out.append(("funding", may.funding, lambda: store.add_funding(me, {"fund": f"Fond {name}"}, name)))
    out.append(("meetings", may.meetings,
                lambda: store.add_meeting(me, {"day": date(2027, 3, 1), "time": "17:00"}, name)))
    out.append(("evaluate", may.evaluate, lambda: store.add_evaluation(me, name, {}, "Flere børn kom", name)))
    out.append(("health", may.health,
                lambda: store.add_health_check(me, name, {"communication": ("green", "")}, name)))
    out.append(("term", may.term,
                lambda: store.set_term(me, date(2027, 1, 1), date(2027, 12, 31), snap.term.version, name)))
    out.append(("outcome", may.outcome,
                lambda: store.choose_outcome(me, Outcome.CONTINUE, "", snap.term.outcome_version, name)))
    entry = next(e for e in store.history(w.owner) if e.entity == "field" and e.target == "s4_vision")
    out.append(("restore field", may.restore("field", "s4_vision"),
                lambda: store.restore(me, entry.id, versions["s4_vision"], name)))
    digest, body = text(name)  # a text of its own: approving it signs nothing
    out.append(("approve", may.approve, lambda: store.approve(me, name, digest, body, name)))
    out.append(("links", may.links, lambda: store.rotate_link(me, Role.VIEWER)))
    return out


class MayContract:
    """The snapshot's ``may`` is what the write functions do, for every role and state."""

    @pytest.mark.parametrize("state", STATES)
    def test_the_snapshot_says_what_the_store_allows(self, store: Store, state: str) -> None:
        tally = Tally()
        w = build(store, state)
        for role in ROLES:
            me = store.open(w.tokens[role.value])
            name = {Role.OWNER: ME, Role.PARTNER: OLE}.get(role, role.value.title())
            for label, says, call in tries(store, w, me, store.snapshot(me).may, name):
                tally.rows.append((state, role.value, label, says, did(call)))
            may = store.snapshot(me).may  # read again: the tries above wrote
            reopened = did(lambda me=me, name=name: store.reopen(me, name))
            tally.rows.append((state, role.value, "reopen", may.reopen, reopened))
            if reopened:  # the next role finds the project in its state again
                w = build(store, state)
            tally.rows.append((state, role.value, "delete", may.delete, did(lambda me=me: store.delete_project(me))))
        bad = tally.mismatches()
        assert not bad, "the snapshot's may and the store disagree:\n" + "\n".join(
            f"  {st} {role}: {label}: may says {says}, the store {'accepted' if done else 'refused'}"
            for st, role, label, says, done in bad)
        allowed = {(r[1], r[2]) for r in tally.rows if r[4]}
        refused = {(r[1], r[2]) for r in tally.rows if not r[4]}
        assert ("owner", "delete") in allowed and ("viewer", "field s4_vision") in refused  # both answers were seen
        if state == "closed":
            assert {r[2] for r in tally.rows if r[4]} == {"links", "delete"}  # a closed project is read-only
        if state == "signed":
            assert ("partner", "task agreement status") in allowed and ("partner", "task agreement title") in refused
            assert ("owner", "field s1_idea") in allowed and ("owner", "field s4_vision") in refused
        if state == "draft":
            assert ("partner", "field s4_vision") in allowed and ("partner", "field s1_idea") in refused
            assert ("member", "approve") in refused and ("member", "field s1_idea") in allowed

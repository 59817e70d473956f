"""Snapshot.may as the pages read it: the store's "may" object parsed (store/rpc_wire.py),
and what a history entry's restore needs of it (model_may.May.restore). Whether the store
agrees with it is tests/store/contract_may.py."""

from __future__ import annotations

from partnership.model import Side, TaskKind
from partnership.model_may import May
from partnership.store import rpc_wire

SIGNED_PARTNER = {
    "fields": ["s1_idea"], "people": [], "approve": False, "reopen": True, "funding": True, "links": False,
    "tasks": {"kinds": ["task"], "internal": False, "edit": {"t1": ["note", "status"], "t2": []}},
}


def test_the_store_answer_becomes_a_may() -> None:
    may = rpc_wire.may(SIGNED_PARTNER)
    assert may.fields == {"s1_idea"} and may.task_kinds == (TaskKind.TASK,) and may.add_tasks
    assert may.task("t1") == {"status", "note"} and may.task("t2") == frozenset() and may.task("gone") == frozenset()
    assert may.reopen and may.funding and not (may.approve or may.links or may.delete or may.internal_tasks)
    assert not may.person(Side.PARTNER)


def test_a_missing_answer_allows_nothing() -> None:
    for missing in (None, "x", {}):
        may = rpc_wire.may(missing)
        assert may == May() and not may.add_tasks and not may.fields and not may.task_fields


def test_a_restore_needs_the_write_it_repeats() -> None:
    may = rpc_wire.may({**SIGNED_PARTNER, "people": ["partner"], "candidates": True,
                        "tasks": {"kinds": [], "edit": {"t1": ["note", "status"], "t3": ["title", "note"]}}})
    assert may.restore("field", "s1_idea") and not may.restore("field", "s4_vision")
    assert may.restore("person", "p1", Side.PARTNER) and not may.restore("person", "p1", Side.ASSOCIATION)
    assert not may.restore("person", "p1", None)  # a person it does not see
    assert may.restore("task", "t3") and not may.restore("task", "t1")  # a signed agreement task: status, note only
    assert may.restore("candidate", "c1") and not may.restore("approval", "a1")

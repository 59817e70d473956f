"""The business rules of partnership.rules: tasks, people, approvals."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from partnership import rules
from partnership.errors import Forbidden
from partnership.model import Approval, Role, Side, TaskKind
from partnership.validation import TASK_FIELDS

AGREEMENT = (TaskKind.ACTIVITY, TaskKind.MILESTONE, TaskKind.FOLLOW_UP)
T0 = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def code(refusal: Forbidden | None) -> str | None:
    return None if refusal is None else refusal.code


# -- tasks --------------------------------------------------------------------------------


def test_agreement_kinds_are_activity_milestone_and_follow_up() -> None:
    assert {k for k in TaskKind if rules.is_agreement_task(k)} == set(AGREEMENT)
    assert rules.is_agreement_task("follow_up") and not rules.is_agreement_task("task")


@pytest.mark.parametrize("role", [Role.OWNER, Role.PARTNER])
def test_before_signing_every_field_of_a_joint_task_may_change(role: Role) -> None:
    for kind in TaskKind:
        assert rules.task_refusal(role, False, internal=False, kind=kind, changing=TASK_FIELDS) is None


def test_internal_tasks_are_the_owners() -> None:
    assert rules.task_refusal(Role.OWNER, False, internal=True, kind=TaskKind.TASK, changing={"title"}) is None
    refusal = rules.task_refusal(Role.PARTNER, False, internal=True, kind=TaskKind.TASK, changing={"status"})
    assert code(refusal) == "forbidden"
    assert rules.editable_task_fields(Role.PARTNER, False, internal=True, kind=TaskKind.TASK) == frozenset()
    with pytest.raises(Forbidden):
        rules.check_task(Role.PARTNER, False, internal=True, kind=TaskKind.TASK, changing=())


def test_a_viewer_changes_nothing() -> None:
    assert code(rules.task_refusal(Role.VIEWER, False, internal=False, kind=TaskKind.TASK, changing=())) == "forbidden"
    for signed, kind in itertools.product((False, True), TaskKind):
        assert rules.editable_task_fields(Role.VIEWER, signed, internal=False, kind=kind) == frozenset()


@pytest.mark.parametrize("kind", AGREEMENT)
def test_while_signed_an_agreement_task_changes_only_status_and_note(kind: TaskKind) -> None:
    for role in (Role.OWNER, Role.PARTNER):
        assert rules.task_refusal(role, True, internal=False, kind=kind, changing={"status", "note"}) is None
        assert rules.task_refusal(role, True, internal=False, kind=kind, changing={"note"}) is None
        for field in set(TASK_FIELDS) - {"status", "note"}:
            refusal = rules.task_refusal(role, True, internal=False, kind=kind, changing={"status", field})
            assert code(refusal) == "signed", field
        assert rules.editable_task_fields(role, True, internal=False, kind=kind) == {"status", "note"}
    with pytest.raises(Forbidden) as caught:
        rules.check_task(Role.OWNER, True, internal=False, kind=kind, changing={"title"})
    assert caught.value.code == "signed"


def test_while_signed_a_plain_task_stays_editable_but_keeps_its_kind() -> None:
    assert rules.task_refusal(Role.PARTNER, True, internal=False, kind=TaskKind.TASK, changing={"title", "due"}) is None
    # becoming an agreement task is refused: the store checks the task as it would become
    assert code(rules.task_refusal(Role.OWNER, True, internal=False, kind=TaskKind.ACTIVITY,
                                   changing={"kind"})) == "signed"
    assert rules.editable_task_fields(Role.OWNER, True, internal=False, kind=TaskKind.TASK) == \
        set(TASK_FIELDS) - {"kind"}
    assert rules.editable_task_fields(Role.PARTNER, True, internal=False, kind=TaskKind.TASK) == \
        set(TASK_FIELDS) - {"kind", "internal"}


def test_editable_fields_agree_with_the_refusal() -> None:
    """Every field editable_task_fields offers is accepted by task_refusal, alone and together."""
    for role, signed, internal, kind in itertools.product(Role, (False, True), (False, True), TaskKind):
        allowed = rules.editable_task_fields(role, signed, internal=internal, kind=kind)
        if allowed:
            assert rules.task_refusal(role, signed, internal=internal, kind=kind, changing=allowed) is None
        assert allowed <= set(TASK_FIELDS)


def test_addable_kinds() -> None:
    assert rules.addable_kinds(False) == list(TaskKind)
    assert rules.addable_kinds(True) == [TaskKind.TASK]
    assert rules.addable_kinds(False, [TaskKind.MILESTONE, TaskKind.TASK]) == [TaskKind.TASK, TaskKind.MILESTONE]
    assert rules.addable_kinds(True, [TaskKind.MILESTONE]) == []


# -- people -------------------------------------------------------------------------------


def test_the_owner_edits_both_sides_the_partner_its_own() -> None:
    for side in Side:
        assert rules.may_edit_person(Role.OWNER, False, side)
    assert rules.may_edit_person(Role.PARTNER, False, Side.PARTNER)
    assert not rules.may_edit_person(Role.PARTNER, False, Side.ASSOCIATION)
    assert code(rules.person_refusal(Role.PARTNER, False, Side.ASSOCIATION)) == "forbidden"
    assert not any(rules.may_edit_person(Role.VIEWER, signed, side) for signed in (False, True) for side in Side)


def test_nobody_edits_people_while_signed() -> None:
    for role, side in itertools.product((Role.OWNER, Role.PARTNER), Side):
        assert not rules.may_edit_person(role, True, side)
    assert code(rules.person_refusal(Role.OWNER, True, Side.ASSOCIATION)) == "signed"
    # the partner on the association's side hears "forbidden" first, as before
    assert code(rules.person_refusal(Role.PARTNER, True, Side.ASSOCIATION)) == "forbidden"
    with pytest.raises(Forbidden):
        rules.check_person(Role.PARTNER, True, Side.PARTNER)
    rules.check_person(Role.PARTNER, False, Side.PARTNER)


# -- approvals ----------------------------------------------------------------------------


def approval(side: Side, digest: str, minutes: int, ident: str = "") -> Approval:
    return Approval(ident or f"{side.value}-{digest}-{minutes}", side, "Ann", digest, T0 + timedelta(minutes=minutes))


def test_latest_approval_per_side() -> None:
    a1, p1 = approval(Side.ASSOCIATION, "h1", 0), approval(Side.PARTNER, "h1", 1)
    a2 = approval(Side.ASSOCIATION, "h2", 2)
    assert rules.latest_approvals([]) == {}
    assert rules.latest_approvals([a1]) == {Side.ASSOCIATION: a1}
    assert rules.latest_approvals([a1, p1, a2]) == {Side.ASSOCIATION: a2, Side.PARTNER: p1}
    # by time, not by position ...
    assert rules.latest_approvals([a2, a1, p1])[Side.ASSOCIATION] == a2
    # ... and of two at the same moment the one recorded later
    same = approval(Side.ASSOCIATION, "h3", 2, "later")
    assert rules.latest_approvals([a1, a2, same])[Side.ASSOCIATION] == same


def test_already_approved_and_signed_by_both() -> None:
    a1, p1 = approval(Side.ASSOCIATION, "h1", 0), approval(Side.PARTNER, "h1", 1)
    assert rules.already_approved([a1], Side.ASSOCIATION, "h1")
    assert not rules.already_approved([a1], Side.PARTNER, "h1")
    assert not rules.signed_by_both([a1], "h1")
    assert rules.signed_by_both([a1, p1], "h1")
    assert not rules.signed_by_both([a1, p1], "h2")
    # an older approval of the text no longer counts once the side approved another
    a2 = approval(Side.ASSOCIATION, "h2", 2)
    assert not rules.already_approved([a1, a2], Side.ASSOCIATION, "h1")
    assert not rules.signed_by_both([a1, a2, p1], "h1")

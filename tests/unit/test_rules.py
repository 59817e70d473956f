"""The domain rules of partnership.rules: agreement tasks and approvals. What a role may
change is the store's (tests/store/contract_may.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from partnership import rules
from partnership.model import Approval, Side, TaskKind

AGREEMENT = (TaskKind.ACTIVITY, TaskKind.MILESTONE, TaskKind.FOLLOW_UP)
T0 = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


# -- tasks --------------------------------------------------------------------------------


def test_agreement_kinds_are_activity_milestone_and_follow_up() -> None:
    assert {k for k in TaskKind if rules.is_agreement_task(k)} == set(AGREEMENT)
    assert rules.is_agreement_task("follow_up") and not rules.is_agreement_task("task")


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

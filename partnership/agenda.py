"""Møde 1's agenda (the guide's first evening, steps 1-3, in the association): the points
the facilitator moves everyone through, each with its planned minutes. The store keeps only
the current point's number; ``partnership_private.agenda_points()`` in the room migration
is ``len(MEETING_1)`` (a contract test compares them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    key: str  # i18n key of its title
    minutes: int
    page: str  # the page where the room works on it


MEETING_1: tuple[Point, ...] = (
    Point("agenda.m1.intro", 5, "overview"),
    Point("agenda.m1.step1", 30, "step1"),
    Point("agenda.m1.step2", 40, "step2"),
    Point("agenda.m1.step3", 25, "step3"),
    Point("agenda.m1.close", 5, "step3"),
)


def current(point: int) -> Point | None:
    """The point under way (1-based), or None while the meeting is not."""
    return MEETING_1[point - 1] if 1 <= point <= len(MEETING_1) else None


def minutes_in(since_s: float) -> int:
    """Whole minutes spent on the current point (never below zero)."""
    return max(0, int(since_s // 60))

"""Step 2's fast assessment: every candidate in one grid, the top three proposed from the
points. Standard library only: the pages turn these into a grid and buttons.

A grid's edits are the rows that differ from the candidates as they were when the grid
was drawn (its *base*); each changed candidate is then written compare-and-set on the
base's version, so a candidate someone else saved meanwhile conflicts instead of being
overwritten.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from partnership.model import Candidate, CandidateStatus
from partnership.steps import TOP_PRIORITIES

SCORES = ("resources", "competences", "values", "fit")
GRID = (*SCORES, "note")
"""The grid's editable columns, in order."""


def rated(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The candidates the grid shows: all but those who have said no, in the order named."""
    return [c for c in candidates if c.status is not CandidateStatus.REFUSED]


def by_points(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Most points first; unrated last; equal points in the order named."""
    return sorted(candidates, key=lambda c: (c.score is None, -(c.score or 0), c.position))


def score_value(raw: Any) -> int | None:
    """A grid cell as a score: a whole number 1-5, or None (empty). ValueError otherwise."""
    if raw is None or raw == "" or (isinstance(raw, float) and raw != raw):  # NaN: an emptied cell
        return None
    number = float(raw)
    if not number.is_integer() or not 1 <= number <= 5:
        raise ValueError(f"a score is a whole number from 1 to 5, not {raw!r}")
    return int(number)


def edits(base: Sequence[Candidate], edited_rows: Mapping[int | str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The changes per candidate id that a grid's ``edited_rows`` (row index in ``base``'s
    order -> column -> new value) make; cells set back to what they were are no change.
    ValueError for a score that is not 1-5."""
    out: dict[str, dict[str, Any]] = {}
    for row, cells in edited_rows.items():
        index = int(row)
        if not 0 <= index < len(base):
            continue
        cand = base[index]
        changes: dict[str, Any] = {}
        for name, raw in cells.items():
            if name in SCORES:
                value: Any = score_value(raw)
            elif name == "note":
                value = "" if raw is None else str(raw)
            else:
                continue  # position, name and points are not edited here
            if value != getattr(cand, name):
                changes[name] = value
        if changes:
            out[cand.id] = changes
    return out


def free_places(candidates: Iterable[Candidate]) -> list[int]:
    """The top-three places (1..3) no active candidate holds."""
    held = {c.priority for c in candidates if c.priority and c.status is CandidateStatus.ACTIVE}
    return [n for n in range(1, TOP_PRIORITIES + 1) if n not in held]


def proposal(candidates: Sequence[Candidate],
             passed_over: Mapping[int, Collection[str]] | None = None) -> tuple[int, Candidate] | None:
    """The next place to fill and the candidate the points propose for it: the best-rated
    active candidate without a place, leaving out those people passed over for that place
    (``passed_over``: place -> candidate ids). After a refusal moves the others up, this
    proposes the next best as the new third."""
    places = free_places(candidates)
    if not places:
        return None
    skip = (passed_over or {}).get(places[0], ())
    pool = [c for c in by_points(candidates) if c.status is CandidateStatus.ACTIVE and not c.priority
            and c.score is not None and c.id not in skip]
    return (places[0], pool[0]) if pool else None

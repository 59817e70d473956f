"""Step 2's fast assessment as plain functions: a grid's edits, sorting by points and the
top three proposed from the points."""

from __future__ import annotations

import pytest

from partnership import assessment
from partnership.model import Candidate, CandidateStatus


def cand(n: int, *marks: int, priority: int | None = None, status: CandidateStatus = CandidateStatus.ACTIVE,
         note: str = "") -> Candidate:
    scores = dict(zip(assessment.SCORES, marks, strict=False))
    return Candidate(f"c{n}", f"Forslag {n}", n, status=status, priority=priority, note=note, **scores)


def test_edits_are_the_cells_that_differ_from_the_base_by_row() -> None:
    base = [cand(1, 3), cand(2), cand(3, note="x")]
    grid = {0: {"resources": 3.0, "competences": 4.0}, "1": {"values": None}, 2: {"note": None, "points": 99}}
    assert assessment.edits(base, grid) == {"c1": {"competences": 4}, "c3": {"note": ""}}


def test_an_emptied_score_cell_clears_the_score() -> None:
    assert assessment.edits([cand(1, 3)], {0: {"resources": float("nan")}}) == {"c1": {"resources": None}}


@pytest.mark.parametrize("raw", [0, 6, 2.5, "fem"])
def test_a_score_is_a_whole_number_from_1_to_5(raw: object) -> None:
    with pytest.raises(ValueError):
        assessment.edits([cand(1)], {0: {"resources": raw}})


def test_rows_outside_the_base_are_ignored() -> None:
    assert assessment.edits([cand(1)], {5: {"resources": 2}}) == {}


def test_by_points_puts_most_points_first_unrated_last_and_ties_in_the_order_named() -> None:
    rows = [cand(1, 2), cand(2), cand(3, 5, 5), cand(4, 4, 3), cand(5, 5, 5)]
    assert [c.position for c in assessment.by_points(rows)] == [3, 5, 4, 1, 2]


def test_the_grid_leaves_out_only_refusals() -> None:
    rows = [cand(1), cand(2, status=CandidateStatus.REFUSED), cand(3, status=CandidateStatus.SET_ASIDE)]
    assert [c.position for c in assessment.rated(rows)] == [1, 3]


def test_the_proposal_fills_the_first_free_place_with_the_best_rated() -> None:
    rows = [cand(1, 3), cand(2, 5, priority=1), cand(3, 4), cand(4)]
    assert assessment.proposal(rows) == (2, rows[2])
    assert assessment.proposal(rows, {2: {"c3"}}) == (2, rows[0])
    assert assessment.proposal(rows, {3: {"c3"}}) == (2, rows[2])  # passed over for another place only
    assert assessment.proposal(rows, {2: {"c3", "c1"}}) is None  # the unrated are never proposed


def test_after_a_refusal_the_next_best_is_proposed_as_the_new_third() -> None:
    rows = [cand(1, 5, priority=1), cand(2, 4, priority=2), cand(3, 3), cand(4, 2, priority=3)]
    assert assessment.proposal(rows) is None
    after = [cand(1, 5, status=CandidateStatus.REFUSED), cand(2, 4, priority=1), cand(3, 3), cand(4, 2, priority=2)]
    assert assessment.proposal(after) == (3, after[2])

"""AppTest: step 2's fast assessment - every candidate in one grid saved at once
(compare-and-set per candidate, a conflict shown, never overwritten), sorting by points,
and the top three proposed from the points and confirmed by people."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from partnership.model import Access, CandidateStatus
from partnership.store.postgres import PostgresStore
from tests.app.conftest import MakeApp, no_errors, texts

NAMES = ("Biblioteket", "Skolen", "Ældresagen", "Idrætsforeningen", "Kirken", "Spejderne", "Kommunen", "Caféen")


@pytest.fixture
def eight(store: PostgresStore) -> tuple[Access, dict[str, str]]:
    """A project with eight suggestions in the order named, none rated yet."""
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    for name in NAMES:
        store.add_candidate(owner, name, "Anna")
    return owner, tokens


def grid_rows(at: AppTest) -> list[str]:
    """The candidates' names in the grid's row order."""
    frame = at.get("dataframe")[0].value
    return list(frame["name"])


def edit(at: AppTest, rows: dict[int, dict[str, Any]]) -> AppTest:
    """Type into the grid as a person would (rows by their place in the grid)."""
    at.session_state["s2_grid"] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    return at.run()


def test_one_grid_rates_every_candidate_and_saves_at_once(
    app: MakeApp, store: PostgresStore, eight: tuple[Access, dict[str, str]]
) -> None:
    owner, tokens = eight
    at = app(tokens["member"], name="Mads", page="step2")
    no_errors(at)
    assert grid_rows(at) == list(NAMES)
    assert at.button(key="s2_grid_save").disabled
    marks = {i: {"resources": 1 + i % 5, "competences": 2, "values": 3, "fit": 1 + (i * 3) % 5} for i in range(8)}
    marks[0]["note"] = "Har lokaler"
    edit(at, marks)
    at.button(key="s2_grid_save").click().run()
    no_errors(at)
    assert "Vurderingerne er gemt (8 forslag)." in texts(at)
    saved = {x.name: x for x in store.snapshot(owner).candidates}
    assert saved["Biblioteket"].note == "Har lokaler" and saved["Biblioteket"].updated_by == "Mads"
    assert [saved[n].resources for n in NAMES] == [1 + i % 5 for i in range(8)]
    assert all(saved[n].version == 2 for n in NAMES)  # one write each


def test_an_unrated_cell_is_empty_not_none(
    app: MakeApp, store: PostgresStore, eight: tuple[Access, dict[str, str]]
) -> None:
    owner, tokens = eight
    first = store.snapshot(owner).candidates[0]
    store.update_candidate(owner, first.id, {"resources": 4}, first.version, "Anna")
    at = app(tokens["owner"], page="step2")
    no_errors(at)
    grid = at.get("dataframe")[0]
    frame = grid.value
    assert str(frame["resources"].dtype) == "Int64" and frame["resources"].iloc[0] == 4
    assert frame["resources"].isna().tolist() == [False] + [True] * 7  # held as missing, not as None
    assert grid.proto.placeholder == ""  # drawn empty: Streamlit's default draws "None"


def test_the_grid_sorts_by_points_on_request(
    app: MakeApp, store: PostgresStore, eight: tuple[Access, dict[str, str]]
) -> None:
    owner, tokens = eight
    marks: tuple[tuple[int, ...], ...] = ((2,), (5, 4), (), (5, 5, 5), (4,), (5, 5, 5), (1,), (4, 4))  # points:
    for cand, mark in zip(store.snapshot(owner).candidates, marks, strict=True):  # 2, 9, -, 15, 4, 15, 1, 8
        if mark:
            changes = dict(zip(("resources", "competences", "values"), mark, strict=False))
            store.update_candidate(owner, cand.id, changes, cand.version, "Anna")
    at = app(tokens["owner"], page="step2")
    at.toggle(key="s2_grid_sorted").set_value(True).run()
    no_errors(at)
    assert grid_rows(at) == ["Idrætsforeningen", "Spejderne", "Skolen", "Caféen", "Kirken", "Biblioteket",
                             "Kommunen", "Ældresagen"]


def test_a_candidate_someone_saved_meanwhile_conflicts_and_is_not_overwritten(
    app: MakeApp, store: PostgresStore, eight: tuple[Access, dict[str, str]]
) -> None:
    owner, tokens = eight
    at = app(tokens["member"], name="Mads", page="step2")
    edit(at, {0: {"resources": 5}, 1: {"values": 4}})
    first = store.snapshot(owner).candidates[0]
    store.update_candidate(owner, first.id, {"resources": 2}, first.version, "Anna")  # another screen was quicker
    at.button(key="s2_grid_save").click().run()
    no_errors(at)
    assert "Nogen har lige gemt »Biblioteket«" in texts(at)
    now = {x.name: x for x in store.snapshot(owner).candidates}
    assert now["Biblioteket"].resources == 2 and now["Skolen"].values == 4  # theirs kept, the rest saved
    assert at.button(key=f"re_cand_{first.id}_keep")  # mine waits in the candidate's conflict panel
    at.button(key=f"re_cand_{first.id}_keep").click().run()
    assert store.snapshot(owner).candidates[0].resources == 5


def test_a_score_outside_1_to_5_is_refused_and_kept_for_correction(
    app: MakeApp, store: PostgresStore, eight: tuple[Access, dict[str, str]]
) -> None:
    owner, tokens = eight
    at = app(tokens["owner"], page="step2")
    edit(at, {0: {"resources": 7}})
    at.button(key="s2_grid_save").click().run()
    assert "helt tal fra 1 til 5" in texts(at)
    assert store.snapshot(owner).candidates[0].version == 1


def test_the_top_three_are_proposed_from_the_points_and_the_next_best_after_a_refusal(
    app: MakeApp, store: PostgresStore, eight: tuple[Access, dict[str, str]]
) -> None:
    owner, tokens = eight
    for cand, points in zip(store.snapshot(owner).candidates, (3, 5, 1, 4, 2, 0, 0, 0), strict=True):
        if points:
            store.update_candidate(owner, cand.id, {"resources": points}, cand.version, "Anna")
    at = app(tokens["owner"], page="step2")
    assert "**Skolen** (5 point) som nr. 1" in texts(at)
    at.button(key="s2_proposal_yes").click().run()
    assert "**Idrætsforeningen** (4 point) som nr. 2" in texts(at)
    at.button(key="s2_proposal_no").click().run()  # people pass it over
    assert "**Biblioteket** (3 point) som nr. 2" in texts(at)
    at.button(key="s2_proposal_yes").click().run()
    assert "**Idrætsforeningen** (4 point) som nr. 3" in texts(at)
    at.button(key="s2_proposal_yes").click().run()
    no_errors(at)
    top = {x.priority: x.name for x in store.snapshot(owner).candidates if x.priority}
    assert top == {1: "Skolen", 2: "Biblioteket", 3: "Idrætsforeningen"}
    assert not [b for b in at.button if b.key == "s2_proposal_yes"]  # three chosen: nothing to propose
    first = next(x for x in store.snapshot(owner).candidates if x.priority == 1)
    store.record_refusal(owner, first.id, first.version, "Anna")  # Skolen says no
    at.run()
    assert "**Kirken** (2 point) som nr. 3" in texts(at)  # the next best as the new third
    refused = {x.name: x.status for x in store.snapshot(owner).candidates}
    assert refused["Skolen"] is CandidateStatus.REFUSED

"""Step 2's fast assessment: every candidate in one ``st.data_editor`` grid, saved at once,
and the top three proposed from the points for people to confirm.

The grid is drawn from a *base* kept in session state (the candidates as they were when it
was drawn), so that another person's save does not move rows under the cursor; each changed
candidate is written compare-and-set on the base's version. A conflict goes to that
candidate's own conflict panel in the list below (mine and theirs, keep or take), never
overwritten and never lost.
"""

from __future__ import annotations

from typing import Any

import pandas as pd  # type: ignore[import-untyped]  # no stubs in the toolchain
import streamlit as st

from partnership import assessment
from partnership.model import Candidate, Snapshot
from partnership.steps import MAX_TEXT
from partnership.ui import editor, shell
from partnership.usertext import plain

ss = st.session_state

GRID = "s2_grid"  # the data_editor's key
BASE = "s2_grid_base"  # the candidates the grid was drawn from, in row order
SORTED = "s2_grid_sorted"  # the toggle: most points first
PASSED = "s2_passed_over"  # place -> candidate ids people said "not this one" to for it


def _pending() -> bool:
    state = ss.get(GRID)
    return bool(isinstance(state, dict) and state.get("edited_rows"))


def _base(snap: Snapshot) -> list[Candidate]:
    """The grid's rows: kept while edits wait to be saved, else the candidates as stored."""
    kept = ss.get(BASE)
    if kept is not None and _pending():
        return list(kept)
    rows = assessment.rated(snap.candidates)
    if ss.get(SORTED):
        rows = assessment.by_points(rows)
    if kept is not None and [(c.id, c.version) for c in kept] != [(c.id, c.version) for c in rows]:
        ss.pop(GRID, None)  # a fresh grid for the new rows (nothing was waiting)
    ss[BASE] = rows
    return rows


def grid(c: shell.Page, snap: Snapshot) -> None:
    st.header(c.t("s2.grid"))
    st.caption(c.t("s2.grid_lead"))
    editor.show_flash(GRID)
    if not assessment.rated(snap.candidates):
        st.info(c.t("s2.none"))
        return
    st.toggle(c.t("s2.grid_sort"), key=SORTED, disabled=_pending(),
              help=c.t("s2.grid_sort_wait") if _pending() else None)
    rows = _base(snap)
    frame = pd.DataFrame(
        [{"position": x.position, "name": x.name, **{s: getattr(x, s) for s in assessment.SCORES},
          "note": x.note, "points": x.score} for x in rows],
        columns=["position", "name", *assessment.SCORES, "note", "points"],
    ).astype({s: "Int64" for s in (*assessment.SCORES, "points")})
    score = {s: st.column_config.NumberColumn(c.t(f"s2.{s}"), min_value=1, max_value=5, step=1, format="%d")
             for s in assessment.SCORES}
    st.data_editor(
        frame, key=GRID, hide_index=True, num_rows="fixed", width="stretch",
        placeholder="",  # an unrated cell is empty (Streamlit's default draws "None")
        disabled=["position", "name", "points"],
        column_config={
            "position": st.column_config.NumberColumn(c.t("s2.grid_position"), format="%d", width="small"),
            "name": st.column_config.TextColumn(c.t("s2.name")),
            **score,
            "note": st.column_config.TextColumn(c.t("s2.note"), max_chars=MAX_TEXT),
            "points": st.column_config.NumberColumn(c.t("s2.grid_points"), format="%d", width="small"),
        },
    )
    row = editor.button_row()
    row.button(c.t("s2.grid_save"), key="s2_grid_save", type="primary", icon=":material/save:", on_click=_save,
               disabled=not _pending())
    row.button(c.t("edit.cancel"), key="s2_grid_undo", on_click=_undo, disabled=not _pending())


def _undo() -> None:
    ss.pop(GRID, None)
    ss.pop(BASE, None)


def _save() -> None:
    """Each changed candidate, compare-and-set on the version the grid was drawn from."""
    c = shell.current()
    base = list(ss.get(BASE) or [])
    state = ss.get(GRID) or {}
    try:
        changes = assessment.edits(base, state.get("edited_rows", {}))
    except ValueError:
        editor.flash(GRID, "error", c.t("s2.grid_bad_score"))
        return
    if changes and not c.name:
        editor.flash(GRID, "error", c.t("who.needed"))
        return
    versions = {x.id: x.version for x in base}
    for cand_id, change in changes.items():

        def save(values: dict[str, Any], version: int, cand_id: str = cand_id) -> Any:
            return c.store.update_candidate(c.access, cand_id, values, version, c.name)

        editor.save_record("cand", cand_id, change, save, version=versions[cand_id])
    clashes = [x.name for x in base if ss.get(editor.record_key("cand", x.id) + "_conflict")]
    ss.pop(GRID, None)
    ss.pop(BASE, None)
    if clashes:
        editor.flash(GRID, "info", c.t("s2.grid_conflicts", names=", ".join(f"»{plain(n)}«" for n in clashes)))
    elif changes:
        editor.flash(GRID, "success", c.t("s2.grid_saved", n=len(changes)))


# -- the top three, proposed from the points ---------------------------------------------


def proposal(c: shell.Page, snap: Snapshot) -> None:
    """The next free place of the top three and the best-rated candidate for it, for people
    to confirm or pass over; after a refusal the next best is proposed as the new third."""
    found = assessment.proposal(snap.candidates, ss.get(PASSED))
    if found is None:
        return
    place, cand = found
    with st.container(border=True, key="s2_proposal"):
        editor.show_flash("s2_proposal")
        st.markdown(c.t("s2.proposal", n=place, name=plain(cand.name), score=cand.score))
        row = editor.button_row()
        row.button(c.t("s2.proposal_yes", n=place), key="s2_proposal_yes", type="primary",
                   icon=":material/check:", on_click=_confirm, args=(cand.id, place, cand.version))
        row.button(c.t("s2.proposal_no"), key="s2_proposal_no", on_click=_pass_over, args=(place, cand.id))


def _confirm(cand_id: str, place: int, version: int) -> None:
    c = shell.current()
    editor.act(c, "s2_proposal", lambda: c.store.update_candidate(c.access, cand_id, {"priority": place}, version,
                                                                  c.name),
               conflict=lambda _: editor.flash("s2_proposal", "info", c.t("s2.proposal_moved")))


def _pass_over(place: int, cand_id: str) -> None:
    passed: dict[int, tuple[str, ...]] = dict(ss.get(PASSED) or {})
    passed[place] = (*passed.get(place, ()), cand_id)
    ss[PASSED] = passed

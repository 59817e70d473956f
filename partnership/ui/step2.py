"""Step 2: the brainstorm timer, every suggestion in the order named, assessment, top three."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any

import streamlit as st

from partnership.errors import Conflict
from partnership.model import Candidate, CandidateStatus, Snapshot, Timer
from partnership.steps import MAX_NAME, MAX_TEXT, TOP_PRIORITIES
from partnership.ui import browser, editor, private_round, shell
from partnership.usertext import plain, rich

ss = st.session_state
SCORES = ("resources", "competences", "values", "fit")
EDITABLE = ("name", *SCORES, "note", "priority", "status")


def timer(c: shell.Page, snap: Snapshot) -> None:
    """The 3-minute individual reflection on step 2's shared timer: stored with the
    project, so every screen counts down to the same end and a reload changes nothing."""
    with st.container(border=True, key="s2_timer"):
        st.markdown(f"**{c.t('s2.timer')}**")
        st.caption(c.t("s2.timer_lead"))
        editor.show_flash("s2_timer")
        _countdown(c, snap.timer)


def _countdown(c: shell.Page, t: Timer) -> None:
    """While it runs, the time left (redrawn each second) and "Stop"; stopped part-way,
    "Start" (on from what is left) and "Reset"; once time is up, the message and a button
    to start again (stopping something that has ended makes no sense)."""
    @st.fragment(run_every=1 if t.running else None)
    def tick() -> None:
        now = datetime.now(UTC)
        left_s = math.ceil(t.left_at(now) / 1000)
        private_round.rerun_once_up(t)
        if t.is_up(now):
            st.success(c.t("s2.timer_done"), icon=":material/alarm:")
            st.button(c.t("s2.timer_again"), icon=":material/replay:", key="s2_timer_again",
                      on_click=_timer_write, args=("start", t.version))
            return
        st.progress(1 - left_s * 1000 / t.duration_ms,
                    text=c.t("s2.timer_left", left=f"{left_s // 60}:{left_s % 60:02d}"))
        row = editor.button_row()
        if t.running:
            row.button(c.t("s2.timer_stop"), key="s2_timer_stop", on_click=_timer_write, args=("stop", t.version))
        else:
            label = c.t("s2.timer_start") if t.left_ms == t.duration_ms else c.t("s2.timer_go_on")
            row.button(label, icon=":material/timer:", key="s2_timer_start", type="primary",
                       on_click=_timer_write, args=("start", t.version))
        if t.left_ms != t.duration_ms or t.running:  # the facilitator ends the round: shared at once
            row.button(c.t("s2.timer_finish"), icon=":material/groups:", key="s2_timer_finish",
                       on_click=_timer_write, args=("finish", t.version))
        if not t.running and t.left_ms != t.duration_ms:
            row.button(c.t("s2.timer_reset"), icon=":material/restart_alt:", key="s2_timer_reset",
                       on_click=_timer_write, args=("reset", t.version))

    tick()


def _timer_write(action: str, version: int) -> None:
    """One start/stop/reset; a screen that acted on an old view is told, never overrides."""
    c = shell.current()

    def moved(_: Conflict) -> None:
        editor.flash("s2_timer", "info", c.t("s2.timer_moved"))

    editor.act(c, "s2_timer", lambda: c.store.timer(c.access, action, version, c.name), conflict=moved)


def add_form(c: shell.Page) -> None:
    if not c.snap.may.candidates:  # a closed project (Snapshot.may)
        return
    st.header(c.t("s2.add"))
    if ss.pop("s2_add_clear", False):  # cleared only after a save: a refusal keeps the name
        editor.reset_form("s2", {"new": ""})
    with st.form("s2_add", border=False):
        name = st.text_input(c.t("s2.add_label"), placeholder=c.t("s2.add_placeholder"), max_chars=MAX_NAME,
                             key="s2_new")
        submitted = st.form_submit_button(c.t("edit.add"), icon=":material/add:", type="primary")
    editor.show_flash("s2_add")
    private_round.mine(c)
    if not submitted:
        return
    added = editor.act(c, None, lambda: c.store.add_candidate(c.access, name, c.name, browser.device()),
                       problem="" if name.strip() else c.t("err.required", what=c.t("what.candidate.name")))
    if added is None:
        return
    editor.flash("s2_add", "success", c.t("s2.added", name=plain(added.value.name)))
    ss["s2_add_clear"] = True
    st.rerun()


def top_three(c: shell.Ctx, snap: Snapshot) -> None:
    st.header(c.t("s2.top3"))
    ranked = sorted((x for x in snap.candidates if x.priority and x.status is CandidateStatus.ACTIVE),
                    key=lambda x: x.priority or 0)
    if not ranked:
        st.info(c.t("s2.top3_none"))
    for cand in ranked:
        st.markdown(f"**{cand.priority}.** {plain(cand.name)} · {_score(c, cand)}")
    st.caption(c.t("s2.kept"))


def _score(c: shell.Ctx, cand: Candidate) -> str:
    return c.t("s2.score", score=cand.score) if cand.score is not None else c.t("s2.unscored")


def candidates(c: shell.Page, snap: Snapshot) -> None:
    st.header(c.t("s2.list"))
    st.caption(c.t("s2.assess_lead"))
    if not snap.candidates:
        st.info(c.t("s2.none"))
    for cand in snap.candidates:
        _candidate(c, snap, cand)


def _label(c: shell.Ctx, name: str) -> str:
    return c.t("s2.name") if name == "name" else c.t(f"s2.{name}")


def _shown(c: shell.Ctx, name: str, value: Any) -> str:
    if name == "status" and value:
        return c.t(f"s2.status.{value}")
    return "–" if value is None else str(value)


def _candidate(c: shell.Page, snap: Snapshot, cand: Candidate) -> None:
    k = editor.record_key("cand", cand.id)
    with st.container(border=True, key=f"cand_{cand.id}"):
        badges = [c.t(f"s2.status.{cand.status.value}")]
        if cand.priority:
            badges.append(f"{c.t('s2.priority')} {cand.priority}")
        title = f"**{cand.position}. {plain(cand.name)}**"
        if cand.status is not CandidateStatus.ACTIVE:
            title = f"~~{cand.position}. {plain(cand.name)}~~"
        st.markdown(f"{title} · {' · '.join(badges)} · {_score(c, cand)}")
        editor.show_flash(k)

        def save(changes: dict[str, Any], version: int) -> Any:
            return c.store.update_candidate(c.access, cand.id, changes, version, c.name)

        if editor.record_conflict(c, "cand", cand.id, save, lambda n: _label(c, n), lambda n, v: _shown(c, n, v)):
            return
        if editor.record_open("cand", cand.id):
            _candidate_form(c, snap, cand, save)
            return
        details = [f"{_label(c, s)}: {getattr(cand, s) or '–'}" for s in SCORES]
        st.caption(" · ".join(details))
        if cand.note:
            st.markdown(rich(cand.note))
        st.button(c.t("edit.edit"), key=f"{k}_edit", icon=":material/edit:", on_click=editor.start_record,
                  args=("cand", cand.id, cand.version, {n: _value(cand, n) for n in EDITABLE}))


def _value(cand: Candidate, name: str) -> Any:
    value = getattr(cand, name)
    return value.value if isinstance(value, CandidateStatus) else value


def displaced(snap: Snapshot, cand: Candidate, priority: int | None) -> Candidate | None:
    """The other candidate that now holds ``priority`` and would lose it (the store frees
    a priority when another candidate takes it)."""
    if not priority or priority == cand.priority:
        return None
    return next((x for x in snap.candidates if x.id != cand.id and x.priority == priority), None)


def _candidate_form(c: shell.Ctx, snap: Snapshot, cand: Candidate, save: editor.Saver) -> None:
    k = editor.record_key("cand", cand.id)
    st.text_input(c.t("s2.name"), key=f"{k}_name", max_chars=MAX_NAME)
    for row in (SCORES[:2], SCORES[2:]):  # two a row, so all five choices fit at any width
        for col, score in zip(st.columns(2), row, strict=True):
            col.segmented_control(_label(c, score), options=[1, 2, 3, 4, 5], key=f"{k}_{score}")
    st.text_area(c.t("s2.note"), key=f"{k}_note", max_chars=MAX_TEXT, height=80)
    left, right = st.columns(2)
    left.segmented_control(c.t("s2.priority"), options=list(range(1, TOP_PRIORITIES + 1)), key=f"{k}_priority")
    right.selectbox(c.t("s2.status"), options=[s.value for s in CandidateStatus], key=f"{k}_status",
                    format_func=lambda v: c.t(f"s2.status.{v}"))
    other = displaced(snap, cand, ss.get(f"{k}_priority"))
    if other is not None:
        st.warning(c.t("s2.displaces", name=other.name, n=other.priority), icon=":material/swap_vert:")

    def submit() -> None:
        values = editor.record_values("cand", cand.id, list(EDITABLE))
        changes = {n: v for n, v in values.items() if v != _value(cand, n)}
        if not changes:
            editor.close_record("cand", cand.id)
            return
        editor.save_record("cand", cand.id, changes, save)

    a, b, _ = st.columns([1, 1, 4])
    a.button(c.t("edit.save"), key=f"{k}_save", type="primary", icon=":material/save:", on_click=submit)
    b.button(c.t("edit.cancel"), key=f"{k}_cancel", on_click=editor.close_record, args=("cand", cand.id))

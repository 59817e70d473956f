"""The agreement's period and the end of the term (issue 25), on step 5 and the overview.

- ``period``: the period's start and end (step 5's section on the term), editable by the
  association and the partner before signing, compare-and-set on ``Term.version``.
- ``end_of_term``: once signed, each side's evaluation (the health check's statements and
  what was reached) and each side's choice of outcome; it takes effect in the store when
  both chose the same. A closed project shows its closing note and the export.
- ``notice``: the overview's notice from ``term.REMIND_DAYS`` before the end.

Widget keys: ``term_start``/``term_end``/``term_save`` (flash ``term_period``),
``ev_open`` (the evaluation's lazy expander), ``ev_r_<statement>``/``ev_c_<statement>``/
``ev_reached``/``ev_submit`` (flash ``ev``),
``out_choice``/``out_note``/``out_submit`` (flash ``out``); containers ``term_box``,
``term_closed``, ``term_notice``; ``term_show_btn`` unfolds it long before the end.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from partnership import health, term, usertext
from partnership.errors import Conflict
from partnership.health import RATINGS, STATEMENTS
from partnership.i18n import fmt_date, fmt_datetime
from partnership.model import Side, Snapshot
from partnership.model_term import Outcome
from partnership.steps import MAX_TEXT
from partnership.ui import datefield, editor, labels, lazy, shell
from partnership.ui.health_page import BADGE

ss = st.session_state

PERIOD = "term_period"
EVALUATION = "ev"
OUTCOME = "out"
MAX_REACHED = MAX_TEXT
MAX_NOTE = 1_000


# -- the period -------------------------------------------------------------------------------


def period(c: shell.Page, snap: Snapshot) -> None:
    """The period line, and its form while the agreement is unsigned."""
    text = term.period_text(snap.term, c.lang)
    st.markdown(f"**{c.t('term.period')}:** " + (text or c.t("term.no_period")))
    editor.show_flash(PERIOD)
    if not snap.may.term:  # the store says (Snapshot.may): while unsigned, not for a viewer
        return
    if ss.get("term_base") is None:  # seeded once; a save against a newer version is a conflict
        ss.update({"term_start": snap.term.start, "term_end": snap.term.end, "term_base": snap.term.version})
    with st.form("term_form", border=False):
        left, right = st.columns(2)
        with left:
            datefield.date_input(c, c.t("term.start"), "term_start", in_form=True)
        with right:
            datefield.date_input(c, c.t("term.end"), "term_end", in_form=True)
        st.form_submit_button(c.t("term.save"), key="term_save", icon=":material/event_available:",
                              on_click=_save_period, args=(c,))


def _save_period(c: shell.Page) -> None:
    start, problem = datefield.read(c, "term_start", c.t("term.start"))
    end, end_problem = datefield.read(c, "term_end", c.t("term.end"))
    problem = problem or end_problem or ("" if end else c.t("err.required", what=c.t("term.end")))
    base = int(ss.get("term_base") or 0)

    def stale(exc: Conflict) -> None:
        ss["term_base"] = exc.current.version
        editor.flash(PERIOD, "error", c.t("term.conflict", who=usertext.plain(exc.current.updated_by)))

    if editor.act(c, PERIOD, lambda: c.store.set_term(c.access, start, end, base, c.name), problem=problem,
                  conflict=stale, done=c.t("term.saved")):
        ss.pop("term_base", None)


# -- the overview's notice ----------------------------------------------------------------------


def notice(c: shell.Ctx, snap: Snapshot, today: date) -> None:
    """From ``term.REMIND_DAYS`` before the end: the time left and the way to step 5."""
    found = term.notice(snap.term, today)
    if found.stage in ("none", "running"):
        return
    with st.container(key="term_notice"):
        if found.stage == "closed":
            st.info(c.t("term.closed_notice", when=_closed_when(c, snap)), icon=":material/inventory_2:")
        elif found.stage == "decided":
            assert snap.term.outcome is not None
            st.success(c.t(f"term.decided.{snap.term.outcome.value}"), icon=":material/handshake:")
            return
        elif found.stage == "ended":
            st.warning(c.t("term.ended", end=fmt_date(snap.term.end, c.lang)), icon=":material/event_busy:")
        else:
            st.warning(c.t("term.ending", n=found.days, end=fmt_date(snap.term.end, c.lang)),
                       icon=":material/hourglass_bottom:")
        st.page_link(c.pages["step5"], label=c.t("term.to_step5"), icon=":material/arrow_forward:",
                     query_params=shell.url_params(c))


def closed_banner(c: shell.Page, url: str) -> None:
    """Every page but the overview and step 5 (which say more): a closed partnership is
    read-only, so nobody types into an editor the store will refuse."""
    if c.snap.term.closed and url not in ("overview", "step5"):
        st.info(c.t("term.closed_notice", when=_closed_when(c, c.snap)), icon=":material/inventory_2:")


def _closed_when(c: shell.Ctx, snap: Snapshot) -> str:
    return fmt_datetime(snap.term.closed_at, c.lang) if snap.term.closed_at else ""


# -- the end of the term (step 5) -----------------------------------------------------------------


def end_of_term(c: shell.Page, snap: Snapshot, today: date) -> None:
    """Once signed (or closed): the evaluations and the outcome."""
    if snap.term.closed:
        _closed(c, snap)
        return
    if snap.project.signed_at is None:
        return
    found = term.notice(snap.term, today)
    early = found.stage in ("none", "running") and not snap.term.choices and not snap.term.evaluations
    if early and not (snap.may.evaluate or snap.may.outcome):
        return  # nothing to read yet, nothing to decide
    if early and not ss.get("term_show"):  # long before the end: one button, for a side that decides early
        st.button(c.t("term.show"), key="term_show_btn", icon=":material/event_repeat:", type="tertiary",
                  on_click=lambda: ss.__setitem__("term_show", True))
        return
    with st.container(border=True, key="term_box"):
        st.header(c.t("term.h"))
        _decision(c, snap, found)


def _decision(c: shell.Page, snap: Snapshot, found: term.Notice) -> None:
    with st.container(key="term_decision"):
        if found.stage in ("ending", "ended"):
            st.caption(c.t("term.ending" if found.stage == "ending" else "term.ended", n=found.days,
                           end=fmt_date(snap.term.end, c.lang)))
        if snap.term.outcome is not None:
            st.success(c.t(f"term.decided.{snap.term.outcome.value}"), icon=":material/handshake:")
        st.markdown(c.t("term.lead"))
        _evaluations(c, snap)
        if snap.may.evaluate:
            _evaluation_form(c, snap)
        _choices(c, snap)
        if snap.may.outcome:
            _choice_form(c, snap)


def _closed(c: shell.Page, snap: Snapshot) -> None:
    with st.container(border=True, key="term_closed"):
        st.header(c.t("term.closed_h"))
        st.info(c.t("term.closed_notice", when=_closed_when(c, snap)), icon=":material/inventory_2:")
        if snap.term.closed_note.strip():
            st.markdown(f"**{c.t('term.closing_note')}**")
            st.markdown(usertext.rich(snap.term.closed_note))
        st.caption(c.t("term.closed_export"))


def _evaluations(c: shell.Page, snap: Snapshot) -> None:
    for ev in snap.term.evaluations:
        org = usertext.plain(labels.org_name(c, snap, ev.side))
        st.markdown(f"**{c.t('term.ev_by', org=org, name=usertext.plain(ev.name), when=fmt_date(ev.at, c.lang))}**")
        if ev.reached.strip():
            st.markdown(usertext.rich(ev.reached))
        for key, (rating, comment) in ev.answers.items():
            badge = f":{BADGE[rating]}-badge[{c.t(f'health.rating_short.{rating}')}]" if rating in BADGE else "–"
            line = f"- {badge} {health.statement_text(key, c.lang)}"
            st.markdown(line + (f" – {usertext.plain(comment)}" if comment.strip() else ""))


def _evaluation_form(c: shell.Page, snap: Snapshot) -> None:
    side = snap.role.side
    if side is None:
        return
    editor.show_flash(EVALUATION)
    box = lazy.expander(c.t("term.ev_form", org=usertext.plain(labels.org_name(c, snap, side))), key="ev_open",
                        icon=":material/rate_review:")
    if box is None:
        return
    with box, st.form("ev_form", border=False):
        st.text_area(c.t("term.ev_reached"), key="ev_reached", max_chars=MAX_REACHED, height=100,
                     placeholder=c.t("term.ev_reached_hint"))
        for key in STATEMENTS:
            statement, rating, comment = st.columns([5, 4, 5], vertical_alignment="center")
            statement.markdown(health.statement_text(key, c.lang))
            rating.radio(c.t("hc.rating"), options=list(RATINGS), index=None, horizontal=True, key=f"ev_r_{key}",
                         label_visibility="collapsed",
                         format_func=lambda r: f":{BADGE[r]}[**{c.t(f'health.rating_short.{r}')}**]")
            comment.text_input(c.t("hc.comment"), key=f"ev_c_{key}", max_chars=health.MAX_COMMENT,
                               label_visibility="collapsed", placeholder=c.t("hc.comment_placeholder"))
        st.form_submit_button(c.t("term.ev_submit"), key="ev_submit", type="primary", icon=":material/send:",
                              on_click=_evaluate, args=(c,))


def collect(state: Any) -> tuple[dict[str, tuple[str, str]], str]:
    """The evaluation form's ratings (statement -> (rating, comment)) and the text."""
    answers = {key: (state.get(f"ev_r_{key}"), (state.get(f"ev_c_{key}") or "").strip()) for key in STATEMENTS
               if state.get(f"ev_r_{key}") in RATINGS}
    return answers, (state.get("ev_reached") or "").strip()


def _evaluate(c: shell.Page) -> None:
    answers, reached = collect(ss)
    problem = "" if answers or reached else c.t("term.ev_empty")
    if editor.act(c, EVALUATION, lambda: c.store.add_evaluation(c.access, c.name, answers, reached, c.name),
                  problem=problem, done=c.t("term.ev_saved")):
        ss.update({"ev_reached": "", **{f"ev_r_{k}": None for k in STATEMENTS},
                   **{f"ev_c_{k}": "" for k in STATEMENTS}})


def _choices(c: shell.Page, snap: Snapshot) -> None:
    """Each side's choice so far, and whose is missing."""
    for side in Side:
        chosen = snap.term.choice_of(side)
        org = usertext.plain(labels.org_name(c, snap, side))
        if chosen is None:
            st.markdown(f"- {c.t('term.not_chosen', org=org)}")
            continue
        line = c.t("term.chose", org=org, name=usertext.plain(chosen.name),
                   choice=c.t(f"term.outcome.{chosen.choice.value}"))
        st.markdown(f"- {line}" + (f" – {usertext.plain(chosen.note)}" if chosen.note.strip() else ""))
    waiting = term.waiting_for(snap.term)
    if waiting is not None:
        st.caption(c.t("term.waiting", org=usertext.plain(labels.org_name(c, snap, waiting))))
    elif len(snap.term.choices) == 2:
        st.caption(c.t("term.differ"))


def _choice_form(c: shell.Page, snap: Snapshot) -> None:
    editor.show_flash(OUTCOME)
    with st.form("out_form", border=False):
        st.radio(c.t("term.choose"), options=[o.value for o in term.OUTCOMES], key="out_choice", index=None,
                 format_func=lambda v: c.t(f"term.outcome.{v}"), captions=[c.t(f"term.outcome_help.{o.value}")
                                                                             for o in term.OUTCOMES])
        st.text_area(c.t("term.note"), key="out_note", max_chars=MAX_NOTE, height=80,
                     placeholder=c.t("term.note_hint"))
        st.form_submit_button(c.t("term.choose_submit"), key="out_submit", type="primary",
                              icon=":material/how_to_vote:", on_click=_choose, args=(c, snap.term.outcome_version))


def _choose(c: shell.Page, version: int) -> None:
    choice = ss.get("out_choice")
    note = (ss.get("out_note") or "").strip()
    problem = "" if choice else c.t("term.choose_missing")

    def done(after: Any) -> str:
        if after.closed:
            return c.t("term.decided.close")
        if after.outcome is not None and not after.choices:
            return c.t(f"term.decided.{after.outcome.value}")
        return c.t("term.chosen")

    if editor.act(c, OUTCOME, lambda: c.store.choose_outcome(c.access, Outcome(str(choice)), note, version, c.name),
                  problem=problem, done=done):
        ss.update({"out_choice": None, "out_note": ""})

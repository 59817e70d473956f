"""The health check, on the timeline page: each organisation rates the statements green,
amber or red (with a comment) on its own; then where the two differ, and how the
answers developed over time.

The owner answers for the association, the partner for the partner; a viewer only
reads. Answers are saved with ``store.add_health_check`` in the form's callback, so the
page that follows already shows them. Typing in the form survives the live poller's
reruns (an inline ``st.form``, never a dialog).

Widget keys: rating ``hc_r_<statement>``, comment ``hc_c_<statement>``, submit
``hc_submit``; the differences sit in a container keyed ``hc_diff``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from partnership import health, usertext
from partnership.health import MAX_COMMENT, RATINGS, STATEMENTS
from partnership.i18n import fmt_date, fmt_datetime
from partnership.model import HealthCheck, Role, Side, Snapshot
from partnership.render import health_chart
from partnership.ui import charts, editor, labels, shell

ss = st.session_state

FLASH = "hc_form"
FIGURE = "hc_figure"
BADGE = {"green": "green", "amber": "orange", "red": "red"}


def rating_md(c: shell.Ctx, rating: str) -> str:
    """A rating as a coloured Markdown badge ("–" for none)."""
    if rating not in BADGE:
        return "–"
    return f":{BADGE[rating]}-badge[{c.t(f'health.rating_short.{rating}')}]"


def _org(c: shell.Ctx, snap: Snapshot, side: Side) -> str:
    return labels.org_name(c, snap, side)


def collect(state: Mapping[str, Any]) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """The answers in the form's widgets: statement -> (rating, comment), and the
    statements that have a comment but no rating."""
    answers: dict[str, tuple[str, str]] = {}
    unrated: list[str] = []
    for key in STATEMENTS:
        rating = state.get(f"hc_r_{key}")
        comment = (state.get(f"hc_c_{key}") or "").strip()
        if rating in RATINGS:
            answers[key] = (rating, comment)
        elif comment:
            unrated.append(key)
    return answers, unrated


def _submit() -> None:
    c = shell.current()
    answers, unrated = collect(ss.to_dict())
    problem = c.t("hc.comment_without_rating", statement=health.statement_text(unrated[0], c.lang)) if unrated else ""
    if not editor.act(c, FLASH, lambda: c.store.add_health_check(c.access, c.name, answers, c.name),
                      problem=problem, done=c.t("hc.saved")):
        return
    for key in STATEMENTS:  # set, not popped: only a set value reaches the browser's form
        ss[f"hc_r_{key}"] = None
        ss[f"hc_c_{key}"] = ""


# -- the page's parts -----------------------------------------------------------------------


def health_check(c: shell.Ctx, snap: Snapshot) -> None:
    """The whole health-check section."""
    st.header(c.t("hc.title"))
    st.markdown(c.t("hc.lead"))
    if snap.may.health:  # the store says (Snapshot.may)
        form(c, snap)
    elif snap.role is Role.VIEWER:
        st.caption(c.t("hc.viewer"))
    latest(c, snap)
    differences(c, snap)
    development(c, snap)


def form(c: shell.Ctx, snap: Snapshot) -> None:
    """This side's answers: a rating and a comment per statement."""
    side = snap.role.side
    if side is None:
        return
    with st.container(border=True):
        st.markdown(f"**{c.t('hc.form', org=usertext.plain(_org(c, snap, side)))}**")
        st.caption(c.t("hc.form_lead"))
        editor.show_flash(FLASH)
        with st.form("hc_answers", border=False):
            for key in STATEMENTS:
                statement, rating, comment = st.columns([5, 4, 5], vertical_alignment="center")
                statement.markdown(health.statement_text(key, c.lang))
                rating.radio(c.t("hc.rating"), options=list(RATINGS), index=None, horizontal=True,
                             key=f"hc_r_{key}", label_visibility="collapsed",
                             format_func=lambda r: f":{BADGE[r]}[**{c.t(f'health.rating_short.{r}')}**]")
                comment.text_input(c.t("hc.comment"), key=f"hc_c_{key}", max_chars=MAX_COMMENT,
                                   label_visibility="collapsed", placeholder=c.t("hc.comment_placeholder"))
            st.form_submit_button(c.t("hc.submit"), key="hc_submit", type="primary", icon=":material/send:",
                                  on_click=_submit)


def latest(c: shell.Ctx, snap: Snapshot) -> None:
    """Each side's most recent answers side by side."""
    st.markdown(f"### {c.t('hc.latest')}")
    by_side = health.latest_by_side(snap.health_checks)
    if not by_side:
        st.caption(c.t("hc.none"))
        return
    for side in Side:
        check = by_side.get(side)
        org = usertext.plain(_org(c, snap, side))
        if check is None:
            st.caption(c.t("hc.not_answered", org=org))
        else:
            st.caption(c.t("hc.answered", org=org, name=usertext.plain(check.name),
                           when=fmt_datetime(check.at, c.lang)))
    sides = [s for s in Side if s in by_side]
    head = f"| {c.t('hc.statement')} | " + " | ".join(usertext.cell(_org(c, snap, s)) for s in sides) + " |"
    rows = [head, "|---|" + "---|" * len(sides)]
    for key in STATEMENTS:
        if not any(key in by_side[s].answers for s in sides):
            continue
        cells = []
        for s in sides:
            rating, comment = by_side[s].answers.get(key, ("", ""))
            cells.append(rating_md(c, rating) + (f" {usertext.cell(comment)}" if comment else ""))
        rows.append(f"| {usertext.cell(health.statement_text(key, c.lang))} | " + " | ".join(cells) + " |")
    st.markdown("\n".join(rows))


def differences(c: shell.Ctx, snap: Snapshot) -> None:
    """Where the latest answers of the two sides differ, largest gap first."""
    by_side = health.latest_by_side(snap.health_checks)
    if len(by_side) < len(Side):
        if by_side:
            st.caption(c.t("hc.wait_other"))
        return
    found = health.compare(snap.health_checks)
    if not found:
        st.success(c.t("hc.same"), icon=":material/check_circle:")
        return
    with st.container(border=True, key="hc_diff"):
        st.markdown(f"**:orange[:material/compare_arrows:] {c.t('hc.differences')}**")
        st.caption(c.t("hc.differences_lead"))
        for d in found:
            st.markdown(c.t("hc.diff_item", statement=usertext.plain(health.statement_text(d.statement, c.lang)),
                            gap=c.t(f"health.gap.{d.gap}")))
            lines = []
            for side, rating, comment in ((Side.ASSOCIATION, d.association, d.association_comment),
                                          (Side.PARTNER, d.partner, d.partner_comment)):
                line = c.t("hc.diff_side", org=usertext.plain(_org(c, snap, side)), rating=rating_md(c, rating))
                lines.append(f"- {line}" + (f" – {usertext.plain(comment)}" if comment else ""))
            st.markdown("\n".join(lines))


def cached_figure(snap: Snapshot, lang: str, state: Any = None) -> go.Figure:
    """The development figure, built again only when the revision or language changed."""
    return charts.kept(FIGURE, (snap.project.id, snap.revision, lang), lambda: health_chart.health_figure(
        snap.health_checks, lang, our_org=snap.project.our_org, partner_org=snap.project.partner_org), state)


def development(c: shell.Ctx, snap: Snapshot) -> None:
    """The answers over time, and the earlier follow-up rounds."""
    if not snap.health_checks:
        return
    st.markdown(f"### {c.t('hc.development')}")
    st.caption(c.t("hc.development_lead"))
    # Drawn only on this tab, which is opened by choice (ui/charts.py): Plotly loads then.
    st.plotly_chart(cached_figure(snap, c.lang), width="stretch", theme=None, key="hc_chart",
                    config={"displayModeBar": False, "displaylogo": False})  # no English toolbar
    found = health.rounds(snap.health_checks)
    with st.expander(c.t("hc.rounds"), icon=":material/history:"):
        for r in reversed(found):
            st.markdown(f"**{r.label(c.lang)}**")
            st.markdown("\n".join(f"- {_round_line(c, snap, check)}" for check in r.checks))


def _round_line(c: shell.Ctx, snap: Snapshot, check: HealthCheck) -> str:
    counts = {rating: 0 for rating in RATINGS}
    for rating, _ in check.answers.values():
        if rating in counts:
            counts[rating] += 1
    tally = " ".join(f"{rating_md(c, r)} {counts[r]}" for r in RATINGS if counts[r])
    line = c.t("hc.round_line", org=usertext.plain(_org(c, snap, check.side)), name=usertext.plain(check.name),
               tally=tally)
    return f"{fmt_date(check.at.date(), c.lang)} · {line}"

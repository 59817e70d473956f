"""The overview: parties, the five steps with progress, the two meetings, next actions."""

from __future__ import annotations

from datetime import date

import streamlit as st

from partnership import plan
from partnership.i18n import fmt_date, fmt_datetime
from partnership.model import Snapshot
from partnership.steps import STEPS, missing, progress
from partnership.ui import labels, shell
from partnership.usertext import plain, rich


def header(c: shell.Ctx, snap: Snapshot) -> None:
    p = snap.project
    st.title(plain(p.title), anchor=False)
    if p.partner_org:
        st.markdown(c.t("overview.parties", our=plain(p.our_org), partner=plain(p.partner_org)))
    else:
        st.markdown(c.t("overview.no_partner", our=plain(p.our_org)))
    if p.signed_at:
        st.success(c.t("overview.signed", when=fmt_datetime(p.signed_at, c.lang)), icon=":material/verified:")
    if not snap.role.is_association and snap.invitation:
        with st.container(border=True):
            st.markdown(f"**{c.t('overview.invitation', org=plain(p.our_org))}**")
            st.markdown(rich(snap.invitation))


def steps(c: shell.Ctx, snap: Snapshot) -> None:
    visible = plan.visible_steps(snap.role)
    st.header(c.t("overview.steps") if len(visible) == len(STEPS) else c.t("overview.steps_joint"))
    # Each step is three elements in its card (the title is the progress bar's text, no
    # columns): these cards were a quarter of what a first load of the overview drew.
    for number in visible:
        step = STEPS[number - 1]
        gaps = missing(number, snap)
        with st.container(border=True):
            st.progress(progress(number, snap), text=f"**{c.t(f'step.{number}.title')}**")
            if gaps:
                st.caption(c.t("overview.missing", items="; ".join(labels.gap_label(c, snap, g) for g in gaps)))
            else:
                st.caption(":material/check_circle: " + c.t("overview.done"))
            st.page_link(c.pages[step.slug], label=c.t("overview.open_step", n=number),
                         icon=":material/arrow_forward:", query_params=shell.url_params(c))


def meetings(c: shell.Ctx, snap: Snapshot) -> None:
    st.header(c.t("overview.meetings"))
    numbers = (1, 2) if snap.role.is_association else (2,)
    for col, n in zip(st.columns(len(numbers)), numbers, strict=True):
        with col.container(border=True):
            st.markdown(f"**{c.t(f'overview.meeting{n}')}**\n\n{c.t(f'overview.meeting{n}_agenda')}")


def next_actions(c: shell.Ctx, snap: Snapshot, today: date) -> None:
    st.header(c.t("overview.next"))
    actions = plan.next_actions(snap, today)
    if not actions:
        st.markdown(c.t("overview.nothing_next"))
    for action in actions:
        params = dict(action.params)
        if "what" in params:
            params["what"] = labels.gap_label(c, snap, params["what"])
        if "due" in params:
            params["due"] = fmt_date(date.fromisoformat(params["due"]), c.lang)
        if "title" in params:  # a task's title is user text; a page link's label is Markdown
            params["title"] = plain(params["title"])
        allowed = next(s for s in shell.PAGES if s.url == action.page).roles
        if snap.role in allowed:
            st.page_link(c.pages[action.page], label=c.t(action.key, **params), icon=":material/arrow_right:",
                         query_params=shell.url_params(c))
        else:
            st.markdown(f"- {c.t(action.key, **params)}")

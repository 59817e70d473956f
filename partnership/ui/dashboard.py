"""The follow-up dashboard on the overview once the agreement is signed: overdue tasks,
tasks due in the next 14 days, the next follow-up meeting and how the open tasks are
split between the two organisations - a row of metrics and two short lists.

It counts the partnership's tasks only (not the association's internal follow-ups from
step 3), so both sides see the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from partnership import agreement, meeting_next, timeline, usertext
from partnership.i18n import fmt_date
from partnership.model import Side, Snapshot, Task, TaskKind
from partnership.ui import funding as funding_ui
from partnership.ui import labels, lazy, shell

LIST_MAX = 5
"""Tasks listed under each heading before "... and n more"."""


def relative(c: shell.Ctx, day: date, today: date) -> str:
    """"i dag", "i morgen" or "om 12 dage"."""
    n = (day - today).days
    if n <= 0:
        return c.t("dash.today")
    if n == 1:
        return c.t("dash.in_one_day")
    return c.t("dash.in_days", n=n)


def _who(c: shell.Ctx, board: timeline.Dashboard, task: Task) -> str:
    return board.names.get(task.responsible) or c.t("timeline.unassigned")


def _items(c: shell.Ctx, board: timeline.Dashboard, found: Sequence[Task], today: date, *,
           late: bool) -> str:
    lines = []
    for task in found[:LIST_MAX]:
        assert task.due is not None
        key = "dash.item_meeting" if task.kind is TaskKind.FOLLOW_UP else "dash.item"  # a meeting has no deadline
        line = c.t(key, title=usertext.plain(task.title), who=usertext.plain(_who(c, board, task)),
                   due=fmt_date(task.due, c.lang))
        if late:
            days = (today - task.due).days
            late_by = c.t("dash.late_by_one") if days == 1 else c.t("dash.late_by", n=days)
            line += f" · :orange[{late_by}]"
        else:
            line += f" · {relative(c, task.due, today)}"
        lines.append(f"- {line}")
    if len(found) > LIST_MAX:
        lines.append(f"- {c.t('dash.more', n=len(found) - LIST_MAX)}")
    return "\n".join(lines)


def dashboard(c: shell.Ctx, snap: Snapshot, today: date) -> None:
    """The metrics row and the lists (see the module doc)."""
    joint = [x for x in snap.tasks if not x.internal]
    board = timeline.dashboard(joint, snap.people, today)
    # issue 25: one next meeting, from the follow-up tasks and the meeting records together
    nxt = meeting_next.next_meeting(joint, c.store.meetings(c.access), today) if c.access else None
    days = timeline.SOON_DAYS
    with st.container(key="dash"):
        st.header(c.t("dash.title"))
        overdue, soon, meeting, balance = st.columns([1, 1.25, 1.35, 2])
        overdue.metric(c.t("dash.overdue"), len(board.overdue), border=True, height="stretch")
        soon.metric(c.t("dash.soon", days=days), len(board.due_soon), border=True, height="stretch")
        if nxt is not None:
            meeting.metric(c.t("dash.next_meeting"), fmt_date(nxt.day, c.lang), border=True,
                           delta=relative(c, nxt.day, today), delta_color="off", delta_arrow="off",
                           height="stretch")
        else:
            meeting.metric(c.t("dash.next_meeting"), c.t("dash.no_meeting"), border=True, height="stretch")
        with balance.container(border=True, height="stretch"):
            st.markdown(c.t("dash.open"))
            ours, theirs = st.columns(2)
            for col, side in ((ours, Side.ASSOCIATION), (theirs, Side.PARTNER)):
                col.metric(usertext.plain(labels.org_name(c, snap, side)), board.open_per_side.get(side, 0))
        verdict, lopsided = agreement.balance_verdict(board.open_per_side)  # the same verdict as step 5
        if verdict == "uneven" and lopsided is not None:
            st.caption(":material/balance: " + c.t("dash.uneven", org=usertext.plain(labels.org_name(c, snap,
                                                                                                lopsided))))
        left, right = st.columns(2)
        with left:
            st.markdown(f"**:orange[:material/schedule:] {c.t('dash.overdue_list')}**")
            if board.overdue:
                st.markdown(_items(c, board, board.overdue, today, late=True))
            else:
                st.caption(c.t("dash.none_overdue"))
        with right:
            st.markdown(f"**:blue[:material/event_upcoming:] {c.t('dash.soon_list', days=days)}**")
            if board.due_soon:
                st.markdown(_items(c, board, board.due_soon, today, late=False))
            else:
                st.caption(c.t("dash.none_soon", days=days))
        if nxt is not None:
            st.markdown(":material/groups: " + _next_line(c, board, nxt, today))
        else:
            st.caption(c.t("dash.no_meeting_hint"))
        funding_ui.dashboard_line(c, snap)  # applied / granted (issue 25)
        st.page_link(c.pages["timeline"], label=c.t("dash.open_timeline"), icon=":material/timeline:",
                     query_params=shell.url_params(c))
        explain(c, snap)


def _next_line(c: shell.Ctx, board: timeline.Dashboard, nxt: meeting_next.Upcoming, today: date) -> str:
    """The next meeting in words: its title and who is responsible (a follow-up task), its
    time and place (a meeting record), or both when they are one meeting."""
    when = fmt_date(nxt.day, c.lang)
    if nxt.time is not None:
        clock = f"{nxt.time:%H.%M}" if c.lang == "da" else f"{nxt.time:%H:%M}"
        when = c.t("dash.meeting_at", date=when, time=clock)
    rel = relative(c, nxt.day, today)
    if nxt.task is not None:
        line = c.t("dash.meeting", title=usertext.plain(nxt.title), when=when, rel=rel,
                   who=usertext.plain(_who(c, board, nxt.task)))
    else:
        line = c.t("dash.meeting_record", when=when, rel=rel)
    if nxt.place.strip():
        line += f" · {usertext.plain(nxt.place)}"
    return line


def explain(c: shell.Ctx, snap: Snapshot) -> None:
    """What the numbers count (and the applications' sum, when there are any), drawn once
    asked for. (As tooltips they were a good part of a first load of the overview: each a
    help icon, and their code a chunk of its own on a phone-class CPU.)"""
    box = lazy.expander(c.t("dash.explain"), key="dash_explain", icon=":material/info:")
    if box is None:
        return
    days = timeline.SOON_DAYS
    with box:
        st.markdown("\n".join(f"- **{label}**: {text}" for label, text in (
            (c.t("dash.overdue"), c.t("dash.overdue_help")),
            (c.t("dash.soon", days=days), c.t("dash.soon_help", days=days)),
            (c.t("dash.next_meeting"), c.t("dash.next_meeting_help")),
            (c.t("dash.open"), c.t("dash.open_help")),
            *([(c.t("fund.heading"), c.t("fund.sums_help"))] if snap.funding else []))))

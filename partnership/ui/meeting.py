"""The meeting view of the first evening (``<base>/meeting?k=<owner or member link>``): made
for a projector, large type, no controls. It shows step 2's shared timer, every suggestion
in the order named, the assessment by points and the top three; the page follows every
save live like the others (the phones do the writing)."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path

import streamlit as st

from partnership import assessment
from partnership.model import CandidateStatus, Snapshot, Timer
from partnership.ui import agenda, private_round, shell
from partnership.usertext import cell, plain

_CSS = (Path(__file__).parent / "meeting.css").read_text(encoding="utf-8")


def view(c: shell.Page, snap: Snapshot) -> None:
    st.html(f"<style>{_CSS}</style>")
    with st.container(key="meeting"):
        st.title(c.t("meeting.title", title=plain(snap.project.title)))
        agenda.screen(c, snap)
        clock(c, snap.timer)
        suggestions(c, snap)
        scores(c, snap)
        top_three(c, snap)


def clock(c: shell.Ctx, t: Timer) -> None:
    """The shared timer in large digits, redrawn each second while it runs."""
    @st.fragment(run_every=1 if t.running else None)
    def tick() -> None:
        with st.container(key="meeting_clock"):
            now = datetime.now(UTC)
            left_s = math.ceil(t.left_at(now) / 1000)
            private_round.rerun_once_up(t)
            st.markdown(f"{left_s // 60}:{left_s % 60:02d}")
            if t.is_up(now):
                st.caption(c.t("s2.timer_done"))
            elif t.running:
                st.caption(c.t("meeting.running"))
            else:
                st.caption(c.t("meeting.waiting"))

    tick()


def suggestions(c: shell.Page, snap: Snapshot) -> None:
    st.header(c.t("meeting.suggestions"))
    private_round.waiting(c)
    if not snap.candidates:
        st.markdown(c.t("s2.none"))
        return
    lines = []
    for x in snap.candidates:
        name = plain(x.name)
        lines.append(f"{x.position}. ~~{name}~~" if x.status is CandidateStatus.REFUSED else f"{x.position}. {name}")
    st.markdown("\n".join(lines))


def scores(c: shell.Ctx, snap: Snapshot) -> None:
    rated = [x for x in assessment.by_points(assessment.rated(snap.candidates)) if x.score is not None]
    if not rated:
        return
    st.header(c.t("meeting.assessment"))
    # the points beside the name: on a phone the four marks may have to be scrolled to
    head = [c.t("s2.name"), c.t("s2.grid_points"), *(c.t(f"s2.{s}") for s in assessment.SCORES)]
    rows = [f"| {' | '.join(head)} |", "|" + "---|" * len(head)]
    for x in rated:
        marks = [str(getattr(x, s) or "–") for s in assessment.SCORES]
        rows.append(f"| {cell(x.name, '–')} | **{x.score}** | {' | '.join(marks)} |")
    st.markdown("\n".join(rows))


def top_three(c: shell.Ctx, snap: Snapshot) -> None:
    ranked = sorted((x for x in snap.candidates if x.priority and x.status is CandidateStatus.ACTIVE),
                    key=lambda x: x.priority or 0)
    st.header(c.t("s2.top3"))
    if not ranked:
        st.markdown(c.t("meeting.top3_none"))
        return
    st.markdown("\n".join(f"{x.priority}. **{plain(x.name)}**" for x in ranked))

"""Step 2's reflection round as one person sees it (issue 26): while the shared timer's
round is open, each person's suggestions are theirs alone - the store keeps them out of
every snapshot (``Store.private_round``) - and they are shared, in the order named, when
the time is up or the facilitator finishes the round. "Theirs" is their browser's: each
suggestion is made with this browser's secret (``browser.device``), not the typed name,
which the association's people share with the member link."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from partnership.model import PrivateRound, Timer
from partnership.ui import browser, flash, shell
from partnership.usertext import plain

ss = st.session_state


def may_be_open(t: Timer) -> bool:
    """Whether a round can be open (one store call tells): the timer has run and its time
    is not up. Saves the call on a page whose timer was never started or has ended."""
    return (t.running or t.left_ms != t.duration_ms) and not t.is_up(datetime.now(UTC))


def read(c: shell.Page, device: str) -> PrivateRound:
    if not may_be_open(c.snap.timer):
        return PrivateRound()
    return c.store.private_round(c.access, device)


def mine(c: shell.Page) -> None:
    """Under step 2's add form: that suggestions are private now, one's own so far, and how
    many of others' wait."""
    found = read(c, browser.device())
    if not found.open:
        return
    with st.container(border=True, key="s2_private"):
        st.markdown(f"**{c.t('s2.private')}**")
        st.caption(c.t("s2.private_lead"))
        if found.mine:
            st.markdown("\n".join(f"- {plain(x.name)}" for x in found.mine))
        if found.hidden:
            st.caption(c.t("s2.private_others", n=found.hidden))


def waiting(c: shell.Page) -> None:
    """The projector's line: how many suggestions wait for the time to be up (no device:
    nothing is the projector's own)."""
    found = read(c, "")
    if found.open and found.hidden:
        st.markdown(c.t("s2.private_others", n=found.hidden))


def rerun_once_up(t: Timer) -> None:
    """Inside a timer's fragment: once the time is up, one full run, so that the round's
    suggestions - shared now, with no write to announce them - appear on this screen."""
    mark = f"s2_round_up_{t.version}"
    if t.running and t.is_up(datetime.now(UTC)) and not ss.get(mark):
        ss[mark] = True
        flash.by_component()  # the time is up: no person's action
        st.rerun()

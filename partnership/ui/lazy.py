"""Expanders whose content is drawn only once opened.

A first load of a page draws every widget of every expander, closed or not, and each
widget costs the browser's main thread time (and its element module a start): the add
forms under "Tilføj en opgave", "Tilføj en person" and the like were a good part of a
first load of the timeline and steps 4-5 (bench/bench_browser.py). Such an expander here
draws nothing inside until it is first opened (Streamlit's ``on_change="rerun"`` and
``.open``); from then on it stays drawn for the session, so text typed into a form in it
survives closing and opening it again.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

ss = st.session_state


def expander(label: str, *, key: str, icon: str | None = None, expanded: bool = False) -> Any | None:
    """The expander, to draw into with ``with``; None while it was never opened (draw
    nothing then). ``key`` holds whether it is open (session state)."""
    box = st.expander(label, expanded=expanded, key=key, icon=icon, on_change="rerun")
    seen = f"{key}__seen"
    if box.open:
        ss[seen] = True
    return box if ss.get(seen) else None

"""Expanders whose content is drawn only once opened.

A first load of a page draws every widget of every expander, closed or not, and each
widget costs the browser's main thread time (and its element module a start): the add
forms under "Tilføj en opgave", "Tilføj en person" and the like were a good part of a
first load of the timeline and steps 4-5 (bench/bench_browser.py). Such an expander here
draws nothing inside until it is first opened (Streamlit's ``on_change="rerun"`` and
``.open``); from then on it stays drawn for the session, so text typed into a form in it
survives closing and opening it again.

An add form stays open for the next item: Streamlit derives an expander's identity from
its parameters, ``expanded`` among them, so a form that started open because its list
was empty ("expanded=not shown") became a new, closed expander once the first item was
added. The first ``expanded`` a session gives for a key is kept and passed on every run.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

ss = st.session_state


def expander(label: str, *, key: str, icon: str | None = None, expanded: bool = False) -> Any | None:
    """The expander, to draw into with ``with``; None while it was never opened (draw
    nothing then). ``key`` holds whether it is open (session state)."""
    first = ss.setdefault(f"{key}__default", expanded)  # the same identity on every run (module doc)
    box = st.expander(label, expanded=bool(first), key=key, icon=icon, on_change="rerun")
    seen = f"{key}__seen"
    if box.open:
        ss[seen] = True
    return box if ss.get(seen) else None

"""Charts that are readable at once and interactive a moment later.

Plotly's frontend module is 4.7 MB; in Chromium it takes 0.7-0.8 s of the page's main
thread to start and another 0.3 s to draw, so a page with a Plotly chart settled in about
3.3 s on its first load (bench/bench_browser.py). A tab that has not started Plotly yet
is therefore shown a picture of the chart first: the same scene drawn as SVG on the
server (``partnership/render/timeline_svg.py``), set into the page by a tiny
components-v2 view. When the browser is idle after drawing the page, the view asks for
the interactive chart (its trigger ``interactive``); from then on the session draws the
Plotly charts (``ready()``). In the run that swaps, the picture stays and the Plotly chart
is laid out invisibly over it until Plotly has drawn (style.py), so nothing jumps or
goes blank while Plotly starts.

The picture is our own markup from escaped text (the renderer escapes every piece of
user text), set as the view's HTML.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

ss = st.session_state
T = TypeVar("T")

READY = "ps_charts_ready"
"""Session state: this tab has asked for the interactive charts (Plotly may be drawn)."""
SWAP = "ps_charts_swap"
"""Session state: "pending" for the run that swaps a picture for its Plotly chart."""

JS = r"""
export default function ({ data, parentElement, setTriggerValue }) {
  let box = parentElement.querySelector(":scope > .ps-picture");
  if (!box) {
    box = document.createElement("div");
    box.className = "ps-picture";
    parentElement.appendChild(box);
  }
  if (box.dataset.key !== data.key) {  // draw only what changed (a rerun sends the same picture)
    box.innerHTML = data.svg;
    box.dataset.key = data.key;
  }
  if (data.ask && !box.asked) {  // the page is drawn: Plotly may start now
    box.asked = true;
    const ask = () => setTriggerValue("interactive", true);
    if (window.requestIdleCallback) window.requestIdleCallback(ask, {timeout: 2000});
    else setTimeout(ask, 200);
  }
}
"""

CSS = """
.ps-picture { width: 100%; line-height: 0; }
"""

_PICTURE = st.components.v2.component("ps_chart_picture", js=JS, css=CSS, isolate_styles=False)


def ready() -> bool:
    """Whether this session draws Plotly charts (the tab has asked for them)."""
    return bool(ss.get(READY))


def _interactive() -> None:
    if not ss.get(READY):
        ss[READY] = True
        ss[SWAP] = "pending"


def picture(draw: Callable[[], str], key: str) -> None:
    """Show the SVG ``draw`` makes while this session has no Plotly yet, and in the run
    that swaps it for the Plotly chart (otherwise ``draw`` is not called). The first
    picture a tab shows asks for the interactive charts once the browser is idle."""
    swapping = ss.get(SWAP) == "pending"
    if ready() and not swapping:
        return
    if swapping:
        ss[SWAP] = "done"
    svg = draw()
    digest = hashlib.blake2b(svg.encode(), digest_size=8).hexdigest()
    _PICTURE(data={"svg": svg, "key": digest, "ask": not ready()}, key=key,
             on_interactive_change=_interactive)


def ask(key: str) -> None:
    """For a chart without a picture (shown only once Plotly may be drawn): ask for the
    interactive charts the same way, drawing nothing (a page may show no picture - a
    project without dated tasks - and still have a chart to show)."""
    if not ready():
        _PICTURE(data={"svg": "", "key": "", "ask": True}, key=key, on_interactive_change=_interactive)


def kept(name: str, key: Any, build: Callable[[], T], state: Any = None) -> T:
    """What ``build`` makes, kept in session state under ``name`` (``state`` is
    st.session_state, or a dict in tests) and built again only when ``key`` - what it is
    drawn from - changed: a rerun for any other reason reuses the chart."""
    state = ss if state is None else state
    found = state.get(name)
    if found is not None and found[0] == key:
        made: T = found[1]
        return made
    made = build()
    state[name] = (key, made)
    return made

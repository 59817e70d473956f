"""Charts that are readable at once and interactive when the reader asks for it.

Plotly's frontend module is 4.7 MB (1.2 MB compressed); on a phone-class CPU (Lighthouse's
mobile preset) starting it blocked the main thread for seconds, and in Chromium here it
took 0.7-0.8 s of the page's main thread plus 0.3 s to draw. So the timeline is shown as a
picture: the same scene drawn as SVG on the server
(``partnership/render/timeline_svg.py``), set into the page by a tiny components-v2 view
(``chart_picture.js``). Plotly is loaded only when the reader asks for the interactive
chart (the button under the picture, ``choose``); from then on the session draws the
Plotly charts (``ready()``). In the run that swaps, the picture stays and the Plotly chart
is laid out invisibly over it until Plotly has drawn (style.py), so nothing goes blank
while Plotly starts (the chart is the figure's height; the picture, scaled to the page's
width, may be a little shorter). The health check's chart is on a tab of its own, drawn only
once that tab is opened: opening it is asking for it.

The picture is our own markup from escaped text (the renderer escapes every piece of
user text), set as the view's HTML.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

ss = st.session_state
T = TypeVar("T")

READY = "ps_charts_ready"
"""Session state: the reader asked for the interactive charts (Plotly may be drawn)."""
SWAP = "ps_charts_swap"
"""Session state: "pending" for the run that swaps a picture for its Plotly chart."""

JS = (Path(__file__).with_name("chart_picture.js")).read_text(encoding="utf-8")
CSS = """
.ps-picture { width: 100%; line-height: 0; }
"""

_PICTURE = st.components.v2.component("ps_chart_picture", js=JS, css=CSS, isolate_styles=False)


def ready() -> bool:
    """Whether this session draws Plotly charts (the reader asked for them)."""
    return bool(ss.get(READY))


def choose() -> None:
    """The reader asked for the interactive charts (a button's callback): the next run
    swaps the picture for Plotly."""
    if not ss.get(READY):
        ss[READY] = True
        ss[SWAP] = "pending"


def picture(draw: Callable[[], str], key: str) -> None:
    """Show the SVG ``draw`` makes while this session has no Plotly, and in the run that
    swaps it for the Plotly chart (otherwise ``draw`` is not called)."""
    swapping = ss.get(SWAP) == "pending"
    if ready() and not swapping:
        return
    if swapping:
        ss[SWAP] = "done"
    svg = draw()
    digest = hashlib.blake2b(svg.encode(), digest_size=8).hexdigest()
    _PICTURE(data={"svg": svg, "key": digest}, key=key)


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

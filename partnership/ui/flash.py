"""One-shot messages after an action ("Gemt", "Den gemte tekst er kasseret."), and which
runs a person started.

``flash(key, kind, text)`` leaves a message for the next run; ``show_flash(key)`` draws
it where the control is. A message stays on the page until the next run a PERSON starts
(a click, a value typed, a page opened): then it goes. Runs that no person started do
not take it away: a custom component reporting to the server (the drafts component
saying it forgot a draft, just after a discard or a save; the live subscriber or a
field view asking for a rerun after someone else's save; the subscriber falling back to
the poller) and the page's own automatic reruns (the poller, the store coming back, a
timer's end). Each of those marks its run with ``by_component()`` before the run starts
(a component's ``on_<name>_change`` callback, or just before ``st.rerun()``); the run's
start (``begin``, in main.py) reads the mark. A message is drawn once per run, also
when ``show_flash`` is called for it twice.

Without this, the drafts component's report right after a discard redrew the page
without "Den gemte tekst er kasseret." about 100 ms after it appeared: a blink. A
fixed keep-alive would be wrong the other way: a message still there after the
person's next action tells them something untrue.

A run that a component's report and a person's action start together (the browser
sends both in one request) counts as the component's when the person's control has no
callback: the message then stays one run longer. A person's callback that flashes a
new message replaces the old one in any case.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

ss = st.session_state

BY_COMPONENT = "flash_by_component"
"""Set before a run that no person started (``by_component``); read by ``begin``."""
TURN = "flash_turn"
"""How many full runs a person started in this session."""
RUN = "flash_run"
"""How many full runs this session had."""
SHOWN = "flash_shown"
"""Message key -> (turn, run) in which it was first drawn and drawn last."""


def by_component() -> None:
    """The run about to start is no person's doing: a component's report
    (``on_<name>_change=flash.by_component``) or an automatic rerun."""
    ss[BY_COMPONENT] = True


def begin() -> None:
    """At the start of every full run (main.py): count it, and count it as a person's
    unless ``by_component`` marked it."""
    ss[RUN] = ss.get(RUN, 0) + 1
    if not ss.pop(BY_COMPONENT, False):
        ss[TURN] = ss.get(TURN, 0) + 1


def flash(key: str, kind: str, text: str) -> None:
    """Leave a message for the next run of the control ``key`` (it replaces one there)."""
    ss[f"msg_{key}"] = (kind, text)
    ss.get(SHOWN, {}).pop(key, None)


def reset_form(prefix: str, values: Mapping[str, Any]) -> None:
    """Set an st.form's widgets (keys ``<prefix>_<name>``) back to ``values`` after a
    successful submit. Setting them, not popping them: a popped key does not clear what
    the browser shows inside a form."""
    ss.update({f"{prefix}_{name}": value for name, value in values.items()})


def show_flash(key: str) -> str | None:
    """Draw the message of ``key``: in the runs up to the next one a person starts.
    Returns its kind ("success", "error", "info") while it is on the page, else None."""
    message = ss.get(f"msg_{key}")
    if message is None:
        return None
    shown: dict[str, tuple[int, int]] = ss.setdefault(SHOWN, {})
    turn, run = ss.get(TURN, 0), ss.get(RUN, 0)
    first = shown.get(key)
    if first is not None and first[0] != turn:  # a person has acted since it was drawn
        ss.pop(f"msg_{key}", None)
        shown.pop(key, None)
        return None
    kind, text = message
    if first is not None and first[1] == run:  # drawn already in this run: once per action
        return str(kind)
    shown[key] = (turn, run)
    if kind == "error":
        st.error(text, icon=":material/error:")
    elif kind == "success":
        st.success(text, icon=":material/check:")
    elif kind == "info":
        st.info(text)
    return str(kind)

"""The live poller: one small fragment per page asks the store for the revision (and
says who is here); when the revision or the people present change, the whole app reruns
and shows the new content. Typing in inline editors survives the rerun."""

from __future__ import annotations

import os
from dataclasses import dataclass

import streamlit as st

from partnership.errors import PartnershipError
from partnership.model import Presence
from partnership.ui import shell

ss = st.session_state


def poll_seconds() -> float:
    """Seconds between polls (PARTNERSHIP_POLL_S, default 1)."""
    try:
        return max(0.2, float(os.environ.get("PARTNERSHIP_POLL_S", "1")))
    except ValueError:
        return 1.0


@dataclass(frozen=True)
class Decision:
    rerun: bool
    notice: bool


def decide(rendered: int | None, revision: int, rendered_people: tuple[str, ...] | None,
           people: tuple[str, ...], dialog_open: bool) -> Decision:
    """What a tick does: nothing while nothing changed; a notice instead of a rerun while
    a dialog is open (a rerun would close it); else a full rerun."""
    changed = rendered is not None and (revision != rendered or people != rendered_people)
    if not changed:
        return Decision(False, False)
    return Decision(rerun=not dialog_open, notice=dialog_open)


def fingerprint(others: list[Presence]) -> tuple[str, ...]:
    return tuple(f"{p.session_id}:{p.name}:{p.editing}" for p in others)


def others() -> list[Presence]:
    """Who else was present at the last tick."""
    found: list[Presence] = ss.get("live_others", [])
    return found


def start(c: shell.Ctx, revision: int) -> None:
    """Record what this full run rendered, then run the poller fragment."""
    ss["live_rendered"] = revision
    ss["live_in_full_run"] = True

    @st.fragment(run_every=poll_seconds())
    def tick() -> None:
        if c.access is None:
            return
        try:
            rev, present = c.store.heartbeat(c.access, c.session_id, c.name, ss.get("editing_field", ""))
        except PartnershipError:
            return  # the page itself says what is wrong on its next full run
        ss["live_others"] = present
        if ss.pop("live_in_full_run", False):
            # Part of a full run: the page below renders these people, so they count as shown.
            ss["live_people_rendered"] = fingerprint(present)
        d = decide(ss.get("live_rendered"), rev, ss.get("live_people_rendered"), fingerprint(present),
                   bool(ss.get("dialog_open")))
        if d.rerun:
            st.rerun(scope="app")
        if d.notice:
            st.caption(c.t("live.changed_notice"))

    tick()

"""Live pages: push by default, the poller as the fallback.

**Push** (``start`` + ``finish``): the page tells this process's live hub who is here
and which editor is open, and ``finish`` draws the subscriber component
(``live_push.mount``) with the revision the page rendered, the editors it showed and
who was editing them. The component reruns the page when that moves on. No store call
and no script run while nothing happens.

**Fallback** (the component could not open its stream: a host that does not route
custom paths, or a launcher started with PARTNERSHIP_LIVE_EVENTS=0): the poller below,
as before push existed.

The live poller: one small fragment per page.

Every ``poll_seconds()`` the fragment makes exactly one store call, ``heartbeat``: it
says that this session is here (and which editor it has open) and gets back the
project's revision and who else is here. The fragment itself shows who else is here.
When the revision differs from the one this page rendered, or someone starts or stops
editing one of the fields this page shows, the whole app reruns: the snapshot is read
again and every field, chart and presence mark is drawn anew. Typing in the inline
editors survives that rerun (docs/architecture.md, "Live collaboration").

Two traps this module avoids:

- The fragment body also runs during every full run. The full run therefore records
  the revision it rendered (``start``) before the fragment compares, or a page would
  rerun forever.
- An idle tick must stay cheap: it makes one store call and sends nothing but the
  fragment's own small delta; charts are redrawn only by a full rerun.

``tick()`` holds the logic as a function of a plain mapping, so that unit tests can
count store calls and check the decisions without a browser.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from partnership import process
from partnership.errors import InvalidLink, PartnershipError
from partnership.model import Presence
from partnership.steps import editing_visible_to
from partnership.store.base import presence_id
from partnership.ui import flash, live_push, shell

ss = st.session_state

State = MutableMapping[Any, Any]
"""Where the poller keeps its marks: st.session_state, or a plain dict in unit tests."""

# Session-state keys (all prefixed ``live_``).
RENDERED = "live_rendered"  # the revision the last full run rendered
FULL_RUN = "live_full_run"  # set by start(): the next tick is part of a full run
RUN = "live_run"  # full runs counted, to date the marks below
SEEN = "live_seen"  # who was present when the last full run drew the page
OTHERS = "live_others"  # who was present at the last tick
SHOWN = "live_shown"  # editor key -> run in which the page showed that editor
OPEN = "live_open"  # editor key -> run in which this session had it open (or opened it)
DIALOG = "dialog_open"  # set by a page while an st.dialog is open (a rerun would close it)
FALLBACK = "live_fallback"  # set when the event stream cannot connect: poll instead
SLOT = "live_slot"  # (run, page, placeholder): where finish() draws the subscriber, and for which page
VIEWED = "live_viewed"  # view key -> (run in which the page drew a field view for it, scopes it covers)


def poll_seconds() -> float:
    """Seconds between polls (PARTNERSHIP_POLL_S, default 1, at least 0.2)."""
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


def fingerprint(others: Iterable[Presence], shown: Iterable[str] | None = None) -> tuple[str, ...]:
    """The part of the others' presence that the page draws outside the fragment: who is
    editing which of the editors it shows (all editors when ``shown`` is None)."""
    keys = None if shown is None else set(shown)
    return tuple(sorted(
        f"{p.session_id}:{p.name}:{p.editing}" for p in others
        if p.editing and (keys is None or p.editing in keys)
    ))


# -- marks left by the editors ----------------------------------------------------------


def _marks(state: State, name: str) -> dict[str, int]:
    marks: dict[str, int] | None = state.get(name)
    if marks is None:
        marks = {}
        state[name] = marks
    return marks


def _state(state: State | None) -> State:
    return ss if state is None else state


def mark_shown(key: str, state: State | None = None) -> None:
    """An editor for ``key`` (a field key or a record key) is drawn in this run."""
    state = _state(state)
    _marks(state, SHOWN)[key] = state.get(RUN, 0)


def mark_open(key: str, state: State | None = None) -> None:
    """This session has the editor ``key`` open (drawn open, or just opened by a callback)."""
    state = _state(state)
    _marks(state, OPEN)[key] = state.get(RUN, 0)
    _marks(state, SHOWN)[key] = state.get(RUN, 0)


def mark_viewed(key: str, covers: Iterable[str] = (), state: State | None = None) -> None:
    """The page drew a field view for ``key`` (``field_view``): it draws who is editing
    that field by itself, and follows the changes in ``covers`` by itself - neither needs
    a rerun (push mode)."""
    state = _state(state)
    views: dict[str, tuple[int, list[str]]] = state.setdefault(VIEWED, {})
    run = state.get(RUN, 0)
    before = views.get(key)
    views[key] = (run, sorted(set(covers) | set(before[1] if before and before[0] == run else ())))


def views_now(state: State) -> tuple[list[str], set[str]]:
    """The change scopes this full run's field views follow by themselves, and the keys
    they draw who is editing for (older runs' marks are dropped)."""
    run = state.get(RUN, 0)
    views = state[VIEWED] = {k: v for k, v in state.get(VIEWED, {}).items() if v[0] == run}
    return sorted({scope for _, scopes in views.values() for scope in scopes}), set(views)


def mark_closed(key: str, state: State | None = None) -> None:
    state = _state(state)
    _marks(state, OPEN).pop(key, None)


def _current(state: State, name: str, full: bool) -> list[str]:
    """Keys marked by the last complete full run (and callbacks since). During a full run
    the page has not been drawn yet, so the previous run's marks count."""
    run = state.get(RUN, 0)
    oldest = run - 1 if full else run
    marks = _marks(state, name)
    return [k for k, n in sorted(marks.items(), key=lambda kv: (-kv[1], kv[0])) if n >= oldest]


def editing(state: State, full: bool = False) -> str:
    """The editor this session has open, for the heartbeat ("" if none)."""
    keys = _current(state, OPEN, full)
    return keys[0] if keys else ""


# -- the tick ---------------------------------------------------------------------------


def tick(c: shell.Ctx, state: State) -> Decision:
    """One poll: exactly one store call (``heartbeat``), then the decision.

    During a full run (``start`` set the flag) the people present count as drawn, so
    only a revision that moved on since the snapshot was read makes it rerun. A link
    that stopped working (rotated, project deleted) makes an idle tick rerun, so that
    the page says so; other store errors are left for the next tick.
    """
    full = bool(state.pop(FULL_RUN, False))
    if c.access is None:
        return Decision(False, False)
    try:
        revision, present = c.store.heartbeat(c.access, c.session_id, c.name, editing(state, full))
    except InvalidLink:
        return Decision(rerun=not full, notice=False)
    except PartnershipError:
        return Decision(False, False)
    present = [p for p in present if not _is_me(c, p)]
    state[OTHERS] = present
    if full:
        state[SEEN] = present
    shown = _current(state, SHOWN, full=False)
    return decide(state.get(RENDERED), revision, fingerprint(state.get(SEEN, []), shown),
                  fingerprint(present, shown), bool(state.get(DIALOG)))


def _is_me(c: shell.Ctx, p: Presence) -> bool:
    """The same name with the same link: this person's own other tab, or the session a
    reload just left behind (it lingers until its presence times out)."""
    return bool(c.name) and p.name == c.name and c.access is not None and p.role is c.access.role


BOX = "live_box"
"""The subscriber's container (push mode)."""
BOX_HERE = "live_box_here"
"""The same, when the run already knows someone else is here: it holds the run's own line
until the subscriber's replaces it."""


def others() -> list[Presence]:
    """Who else was present at the last tick."""
    found: list[Presence] = ss.get(OTHERS, [])
    return found


def begin(state: State, revision: int) -> None:
    """Record what this full run renders, before the fragment compares."""
    state[RENDERED] = revision
    run = state[RUN] = state.get(RUN, 0) + 1
    state[FULL_RUN] = True
    for name in (SHOWN, OPEN):  # marks older than the previous run no longer count
        marks = _marks(state, name)
        for key in [k for k, n in marks.items() if n < run - 1]:
            del marks[key]


def pushing(c: shell.Ctx, state: State) -> bool:
    """Whether this page is kept live by push (else by the poller). Pages always try
    push; the subscriber reports when its stream cannot connect (``FALLBACK``)."""
    return c.access is not None and not state.get(FALLBACK)


def visible_others(c: shell.Ctx, present: Iterable[Presence]) -> list[Presence]:
    """Everyone else present, as this role may see them (no internal field names)."""
    role = c.access.role.value if c.access else "viewer"
    return [Presence(p.session_id, p.name, p.role, editing_visible_to(role, p.editing))
            for p in present if p.session_id != me(c) and not _is_me(c, p)]


def me(c: shell.Ctx) -> str:
    """This session's id in presence lists (``store.base.presence_id``)."""
    return presence_id(c.access.token, c.session_id) if c.access else ""


def _fall_back() -> None:
    flash.by_component()  # the subscriber's report, no person's action
    ss[FALLBACK] = True


def start(c: shell.Page) -> None:
    """Record the revision this full run renders; keep a place for the subscriber (push)
    or run the poller fragment (fallback), which also shows who else is here."""
    begin(ss, c.snap.revision)
    if pushing(c, ss):
        ss.pop(FULL_RUN, None)
        hub = process.hub()  # finish() tells it about this session, once the page is drawn
        ss[OTHERS] = visible_others(c, hub.present_first(c.access, c.session_id, c.name))
        # A keyed container, not st.empty(): an empty slot is drawn as a 40 px skeleton until
        # finish() fills it at the end of the run, and the page jumped up when it went.
        box = st.container(key=BOX_HERE if ss[OTHERS] else BOX)
        if ss[OTHERS]:
            # Someone else is here already: the line is drawn with the page, and the
            # subscriber's own line takes its place once its stream has spoken (phone.css).
            # Drawn only by the subscriber, it came a moment after the first paint and
            # moved the whole page down a line (Lighthouse's layout shift, 0.02).
            with box:
                shell.presence_line(c, ss[OTHERS])
        ss[SLOT] = (ss[RUN], c, box)
        return

    @st.fragment(run_every=poll_seconds())
    def poller() -> None:
        decision = tick(c, ss)
        if decision.rerun:
            flash.by_component()  # someone else's change: no person's action here
            st.rerun(scope="app")
        shell.presence_line(c, others())
        if decision.notice:
            st.caption(c.t("live.changed_notice"))

    poller()


def finish() -> None:
    """After the page has drawn: tell the hub which editor is open now and draw the
    subscriber with what this run rendered (push mode only)."""
    slot = ss.pop(SLOT, None)
    if slot is None or slot[0] != ss.get(RUN):
        return
    page: shell.Page = slot[1]
    place = slot[2]
    if not pushing(page, ss):
        return
    process.hub().here(page.access, page.session_id, page.name, editing(ss))
    covered, viewed = views_now(ss)
    shown = [k for k in _current(ss, SHOWN, full=False) if k not in viewed]
    with place:
        live_push.mount(page, page.snap.revision, shown, list(fingerprint(ss.get(OTHERS, []), shown)),
                        bool(ss.get(DIALOG)), on_fallback=_fall_back, covered=covered)


def leaving(c: shell.Page) -> None:
    """This session is about to save and close its editor: tell the hub now (push mode), so
    that the others' pages hear it together with the saved text - one redraw, not two. If
    the save fails, the editor stays open and the page's run says so again."""
    if pushing(c, ss):
        process.hub().here(c.access, c.session_id, c.name, "")

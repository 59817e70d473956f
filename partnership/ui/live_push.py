"""The push side of the live page: this process's hub and the subscriber component.

``get_hub()`` makes the process's live hub once and attaches it to the store as a
commit listener (the store never imports it). ``mount()`` draws the tiny
components-v2 subscriber: it opens the page's event stream (partnership/web/events.py),
shows who else is here, and triggers a rerun when the project's revision passes the
one the page rendered, or when someone starts or stops editing a field the page shows.
While a dialog is open it shows a notice instead (a rerun would close the dialog).

The JavaScript keeps its EventSource at module level (on ``window``), so that the
default export - which runs again whenever ``data`` changes - is idempotent; a dropped
stream is reopened with back-off and catches up by revision (the stream's first event
is the current state). If the stream never opens (a host that does not route custom
paths), it asks the page, once, to fall back to the poller.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import streamlit as st

from partnership.live.hub import Hub, install
from partnership.model import Access, Snapshot
from partnership.store.base import Store, presence_id
from partnership.ui import shell
from partnership.web import asgi

JS = Path(__file__).with_name("live_push.js").read_text(encoding="utf-8")

CSS = """
.ps-here, .ps-note { font-size: 0.875rem; color: var(--st-text-color); opacity: 0.7; }
.ps-note { opacity: 0.9; }
"""

_subscriber = st.components.v2.component("partnership_live", js=JS, css=CSS, isolate_styles=False)

_fresh: OrderedDict[str, Snapshot] = OrderedDict()
_fresh_lock = threading.Lock()
_reading: dict[str, threading.Lock] = {}  # per link: the snapshot read under way
FRESH_KEPT = 256
"""Snapshots kept for the field views' fetches: the newest one per link."""


def check_seconds() -> float:
    """Seconds between the hub's batched cross-process checks (PARTNERSHIP_LIVE_CHECK_S,
    default 0.5)."""
    try:
        return max(0.05, float(os.environ.get("PARTNERSHIP_LIVE_CHECK_S", "0.5")))
    except ValueError:
        return 0.5


def _release(hub: Hub) -> None:
    hub.close()


@st.cache_resource(show_spinner=False, on_release=_release)
def get_hub() -> Hub:
    """This process's live hub, attached to the store as its commit listener."""
    store = shell.get_store()
    hub = Hub(store, interval=check_seconds())
    store.add_commit_listener(hub.publish)
    install(hub)
    return hub


def events_url(c: shell.Page) -> str:
    return f"{asgi.path('/events')}?k={quote(c.access.token)}&s={quote(c.session_id)}&l={c.lang}"


def snapshot_now(store: Store, access: Access, hub: Hub | None = None) -> Snapshot:
    """The project as ``access`` sees it now. Fifty tabs on one link fetch a field view
    for the same change: the snapshot is read once and kept, per link, until a newer
    revision exists - as the hub knows it, or, for a project nobody here streams (the hub
    does not follow it), as one small ``revision`` read says. So a link costs at most one
    snapshot per revision, whoever asks."""
    token = access.token
    wanted = (hub or get_hub()).revision(access.project_id)
    with _fresh_lock:
        reading = _reading.setdefault(token, threading.Lock())
    with reading:  # one read per link at a time: the others take what it read
        with _fresh_lock:
            kept = _fresh.get(token)
        if kept is not None and wanted is None:
            wanted = store.revision(access)
        if kept is not None and wanted is not None and kept.revision >= wanted:
            return kept
        snap = store.snapshot(access)
        with _fresh_lock:
            _fresh[token] = snap
            _fresh.move_to_end(token)
            while len(_fresh) > FRESH_KEPT:
                gone, _ = _fresh.popitem(last=False)
                _reading.pop(gone, None)
    return snap


def mount(c: shell.Page, revision: int, shown: list[str], seen: list[str], dialog: bool,
          on_fallback: Callable[[], None], covered: list[str] | None = None) -> None:
    """Draw the subscriber for the page this run rendered at ``revision``; ``covered``:
    the change scopes the page's field views redraw by themselves."""
    roles = {r: c.t("role." + r) for r in ("owner", "member", "partner", "viewer")}
    _subscriber(
        key="live_sub",
        data={
            "url": events_url(c), "rev": revision, "me": presence_id(c.access.token, c.session_id), "name": c.name,
            "role": c.access.role.value, "shown": shown, "seen": seen, "dialog": dialog,
            "here": c.t("live.here", names="{names}"), "roles": roles,
            "someone": {r: c.t("live.someone", role=label) for r, label in roles.items()},
            "notice": c.t("live.changed_notice"), "covered": covered or [],
        },
        on_rerun_change=_noop, on_fallback_change=on_fallback,
    )


def _noop() -> None:
    """The trigger itself reruns the script; nothing else to do."""

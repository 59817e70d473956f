"""What one server process shares: its store, its live hub, and the newest snapshot of
each link that the field views fetch.

The pages (``partnership.ui``) and the routes (``partnership.web``) both take them from
here, so neither imports the other. How the store is opened - Streamlit's secrets, the
environment - is the composition root's business (``partnership.bootstrap`` calls
``configure``); this module is free of Streamlit. Each is made on first use under one
lock; a store that fails to open is not kept, so the next page run tries again.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable

from partnership.live.current import install
from partnership.live.hub import Hub
from partnership.model import Access, Snapshot
from partnership.store import open_store
from partnership.store.base import Store

_lock = threading.RLock()
_opener: Callable[[], Store] = open_store
_store: Store | None = None
_hub: Hub | None = None


def configure(opener: Callable[[], Store]) -> None:
    """How this process opens its store (the composition root says; default: config)."""
    global _opener
    with _lock:
        _opener = opener


def store() -> Store:
    """The process's store (thread-safe: a connection pool), opened on first use."""
    global _store
    with _lock:
        if _store is None:
            _store = _opener()
        return _store


def check_seconds() -> float:
    """Seconds between the hub's batched cross-process checks (PARTNERSHIP_LIVE_CHECK_S,
    default 0.5), where the store does not push commits."""
    try:
        return max(0.05, float(os.environ.get("PARTNERSHIP_LIVE_CHECK_S", "0.5")))
    except ValueError:
        return 0.5


def hub() -> Hub:
    """The process's live hub, attached to the store as its commit listener."""
    global _hub
    with _lock:
        if _hub is None:
            found = store()
            _hub = Hub(found, interval=check_seconds())
            found.add_commit_listener(_hub.publish)
            install(_hub)
        return _hub


def reset() -> None:
    """Close the hub and the store and forget them (tests; a new configuration)."""
    global _store, _hub
    with _lock:
        gone_hub, gone_store = _hub, _store
        _store = _hub = None
        with _fresh_lock:
            _fresh.clear()
            _reading.clear()
    if gone_hub is not None:
        gone_hub.close()
    if gone_store is not None:
        gone_store.close()


_fresh: OrderedDict[str, Snapshot] = OrderedDict()
_fresh_lock = threading.Lock()
_reading: dict[str, threading.Lock] = {}  # per link: the snapshot read under way
FRESH_KEPT = 256
"""Snapshots kept for the field views' fetches: the newest one per link."""


def snapshot_now(found: Store, access: Access, live: Hub | None = None) -> Snapshot:
    """The project as ``access`` sees it now. Fifty tabs on one link fetch a field view
    for the same change: the snapshot is read once and kept, per link, until a newer
    revision exists - as the hub knows it, or, for a project nobody here streams (the hub
    does not follow it), as one small ``revision`` read says. So a link costs at most one
    snapshot per revision, whoever asks."""
    token = access.token
    wanted = (live or hub()).revision(access.project_id)
    with _fresh_lock:
        reading = _reading.setdefault(token, threading.Lock())
    with reading:  # one read per link at a time: the others take what it read
        with _fresh_lock:
            kept = _fresh.get(token)
        if kept is not None and wanted is None:
            wanted = found.revision(access)
        if kept is not None and wanted is not None and kept.revision >= wanted:
            return kept
        snap = found.snapshot(access)
        with _fresh_lock:
            _fresh[token] = snap
            _fresh.move_to_end(token)
            while len(_fresh) > FRESH_KEPT:
                gone, _ = _fresh.popitem(last=False)
                _reading.pop(gone, None)
    return snap

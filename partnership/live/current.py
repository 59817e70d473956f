"""This process's hub: installed once by the composition root (``partnership.process``),
found by the event route (``partnership/web/events.py``)."""

from __future__ import annotations

import threading

from partnership.live.hub import Hub

_shared: Hub | None = None
_shared_lock = threading.Lock()


def install(hub: Hub) -> None:
    """Make ``hub`` this process's hub (the composition root does this once)."""
    global _shared
    with _shared_lock:
        _shared = hub


def shared() -> Hub | None:
    """This process's hub, once the composition root has installed it."""
    return _shared

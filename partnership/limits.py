"""The documented limits that keep a big project, or someone abusing the app, from
costing unbounded work (README, "Limits"). Pure: numbers and a small rate limiter.

Both stores enforce the same numbers (the SQLite adapter in Python, the Supabase
backend in supabase/migrations/20261130000400_limits.sql, which must be kept equal).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

RECORD_CAPS: dict[str, int] = {
    "tasks": 5_000,
    "people": 500,
    "candidates": 200,
    "health_checks": 500,
}
"""Most records of each kind one project may hold; adding one more is refused
(``ValidationError`` code ``record_cap``, ``what`` = ``cap.<table>``, ``limit``)."""

HISTORY_KEEP = 5_000
"""History entries kept per project; older ones are pruned (see ``HISTORY_PRUNE_EVERY``)."""
HISTORY_KEEP_BYTES = 25_000_000
"""And at most this many characters of old and new text in the entries kept."""
HISTORY_PRUNE_EVERY = 50
"""Pruning runs when a project's revision is a multiple of this (cheap on the other writes)."""

CREATE_PER_MINUTE = 30
"""New projects (created or imported) the whole store accepts per minute; more are
refused (``ValidationError`` code ``rate_limited``) until the minute has passed."""
CLIENT_CREATE_LIMIT = 5
CLIENT_CREATE_WINDOW_S = 600.0
"""One browser (client address) may create or import this many projects per window."""

ABANDONED_AFTER_DAYS = 30
"""A project that holds nothing (no field, candidate, person, task or history entry) and
whose newest link is older than this is removed when a new project is created."""
ABANDONED_SWEEP = 100
"""At most this many abandoned projects are removed per creation (bounded work)."""

MAX_IMPORT_BYTES = 5 * 1024 * 1024
"""The largest JSON export that can be imported (also ``server.maxUploadSize`` in
.streamlit/config.toml, in MB, for the upload widget)."""

BUSY_TIMEOUT_S = 2.0
"""How long a SQLite write waits for another connection's write lock before it is
refused as busy (``StorageError`` code ``busy``); the page keeps the typed text."""

JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024
"""SQLite truncates its write-ahead log to this size after a checkpoint."""


class RateLimiter:
    """At most ``limit`` events per ``window`` seconds for each key (thread-safe)."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self._clock = limit, window, clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Whether ``key`` may act now; counts the event when it may."""
        now = self._clock()
        with self._lock:
            events = self._events.setdefault(key, deque())
            while events and events[0] <= now - self.window:
                events.popleft()
            if len(events) >= self.limit:
                return False
            events.append(now)
            if len(self._events) > 10_000:  # forget idle keys so the table stays small
                for k in [k for k, v in self._events.items() if not v or v[-1] <= now - self.window]:
                    del self._events[k]
            return True

"""The limits the app enforces before the store is asked (README, "Limits"). Pure:
numbers and a small rate limiter.

The store's own limits - records per project, history kept, projects created per minute,
the sweep of abandoned projects - live in the database, where every transport meets them:
``partnership_private.limit_settings`` (supabase/migrations/20261130000400_limits.sql),
which an operator may change.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

CLIENT_CREATE_LIMIT = 5
CLIENT_CREATE_WINDOW_S = 600.0
"""One browser (client address) may create or import this many projects per window."""

MAX_IMPORT_BYTES = 5 * 1024 * 1024
"""The largest JSON export that can be imported (also ``server.maxUploadSize`` in
.streamlit/config.toml, in MB, for the upload widget)."""

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

"""``remind`` run by the app itself: one background thread per process that calls a job
every ``PARTNERSHIP_REMIND_EVERY`` (default hourly) while the server runs.

Streamlit has no scheduler. The job (``partnership.web.remind_job``) is the same run as
``python -m partnership remind``; its advisory lock keeps several replicas (or a cron job
at the same moment) apart, and the sent-record keeps anything from going out twice. This
module knows only time and threads: no streamlit, no database, no SMTP.

``PARTNERSHIP_REMIND_EVERY``: seconds, or a number with ``s``, ``m`` or ``h`` ("90s",
"30m", "1h"); "0" or "off" switches it off (the tests' servers do so).
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable, Mapping

log = logging.getLogger(__name__)

ENV = "PARTNERSHIP_REMIND_EVERY"
DEFAULT_EVERY_S = 3600.0
FIRST_AFTER_S = 60.0
"""The first run waits this long after the start (at most one period): a server that
restarts in a loop does not hammer the SMTP server, and the start is not held up."""
UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0}
MIN_EVERY_S = 0.05


def every_from(environ: Mapping[str, str] | None = None) -> float | None:
    """The period in seconds from ``PARTNERSHIP_REMIND_EVERY``, or None when switched off.
    An unreadable value is logged and switches it off (nothing is sent by a guess)."""
    raw = (os.environ if environ is None else environ).get(ENV, "").strip().lower()
    if not raw:
        return DEFAULT_EVERY_S
    if raw in ("0", "off", "no", "false"):
        return None
    found = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([smh]?)", raw)
    if found is None:
        log.warning("%s=%r cannot be read (say 3600, 30m or 1h, or 0 for off): the app sends no reminders itself",
                    ENV, raw)
        return None
    seconds = float(found.group(1)) * UNITS[found.group(2)]
    return max(seconds, MIN_EVERY_S) if seconds > 0 else None


class Runner:
    """Calls ``job`` every ``every`` seconds in a daemon thread until ``stop()``. A job's
    exception is logged and the next period tries again."""

    def __init__(self, job: Callable[[], object], every: float, first_after: float | None = None) -> None:
        self.job = job
        self.every = every
        self.first_after = min(FIRST_AFTER_S, every) if first_after is None else first_after
        self.runs = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="partnership-remind", daemon=True)

    def start(self) -> Runner:
        self._thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _loop(self) -> None:
        wait = self.first_after
        while not self._stop.wait(wait):
            try:
                self.job()
            except Exception:  # the thread must outlive one bad run; the next one tries again
                log.exception("the app's own reminder run failed")
            self.runs += 1
            wait = self.every


_started: Runner | None = None
_lock = threading.Lock()


def start_once(job: Callable[[], object], every: float) -> Runner:
    """The process's runner, started on the first call (later calls return it)."""
    global _started
    with _lock:
        if _started is None:
            _started = Runner(job, every).start()
        return _started

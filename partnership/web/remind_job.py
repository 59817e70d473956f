"""The app's own reminder run (issue 25): while the server runs, it calls the same job as
``python -m partnership remind`` every ``PARTNERSHIP_REMIND_EVERY`` (``mail.runner``).

It starts once per process (``start``, called by ``partnership.bootstrap`` with Streamlit's
secrets) and only when SMTP settings exist (environment or secrets) and the period is not
"0"/"off". It reaches the database the way the CLI does (``store.outbox``:
``PARTNERSHIP_DATABASE_URL`` or the embedded engine; on Supabase only with
``PARTNERSHIP_DATABASE_URL``, else it stays off and says so). Links in the mails use
``PARTNERSHIP_BASE_URL``, else the address the app was last opened at (``note_base_url``,
from the pages); before either is known a run waits.

Several replicas (or a cron job at the same moment): the outbox's advisory lock lets one
run at a time, and what was sent is recorded, so nothing goes out twice.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from partnership.errors import PartnershipError
from partnership.i18n import TIMEZONE
from partnership.mail import remind, runner
from partnership.mail.settings import SettingsError, SmtpSettings, from_config
from partnership.reminders import DEFAULT_DAYS
from partnership.store import outbox

log = logging.getLogger(__name__)

_seen_base = ""
_url_lock = threading.Lock()
_url: str | None = None


def note_base_url(url: str) -> None:
    """The address a page was served at (links in mails, when PARTNERSHIP_BASE_URL is unset)."""
    global _seen_base
    _seen_base = url.rstrip("/")


def base_url() -> str:
    return os.environ.get("PARTNERSHIP_BASE_URL", "").strip().rstrip("/") or _seen_base


def _database_url() -> str:
    """The outbox's database, found once per process (the embedded engine starts and
    migrates only the first time)."""
    global _url
    with _url_lock:
        if _url is None:
            _url = outbox.database_url()
        return _url


def run_once(url: str, settings: SmtpSettings, base: str, days: int = DEFAULT_DAYS) -> remind.Result | None:
    """One run, as the CLI's; None when another run holds the lock (it sends instead)."""
    today = datetime.now(TIMEZONE).date()
    try:
        with outbox.open_outbox(url) as box:
            result = remind.run(box, settings, base, today, days)
    except outbox.Busy:
        log.info("another reminder run is sending now; this one sent nothing")
        return None
    if result.error:
        log.warning("the app's reminder run sent %d of %d mails: %s", result.sent, result.due, result.error)
    elif result.sent:
        log.info("the app's reminder run sent %d mails", result.sent)
    return result


def job(settings: SmtpSettings, url: Callable[[], str] = _database_url,
        base: Callable[[], str] = base_url) -> Callable[[], remind.Result | None]:
    """The runner's job: one run with ``settings``; it waits while no base URL is known."""

    def run() -> remind.Result | None:
        where = base()
        if not where:
            log.info("no reminder run yet: set PARTNERSHIP_BASE_URL or open the app once, so mails can link to it")
            return None
        try:
            return run_once(url(), settings, where)
        except PartnershipError as exc:
            log.warning("the app's reminder run could not reach the database: %s", exc)
            return None

    return run


def start(secrets: Mapping[str, Any] | None = None,
          environ: Mapping[str, str] | None = None) -> runner.Runner | None:
    """Start the process's runner when mail is set up and the period is not off; None
    (and a log line saying why, when it matters) otherwise."""
    env = os.environ if environ is None else environ
    every = runner.every_from(env)
    if every is None:
        return None
    try:
        settings = from_config(secrets or {}, env)
    except SettingsError as exc:
        log.warning("the app sends no reminders itself: %s", exc)
        return None
    if settings is None:
        return None
    if env.get("SUPABASE_URL") and not env.get("PARTNERSHIP_DATABASE_URL"):
        log.warning("the app sends no reminders itself on Supabase without PARTNERSHIP_DATABASE_URL (the "
                    "database's connection string); run `python -m partnership remind` from a scheduler instead")
        return None
    return runner.start_once(job(settings), every)

"""The privileged path of ``python -m partnership remind``: what is due across every
project, and what was sent.

The mail functions that look across projects (``partnership_private.mail_outbox``, which
wraps ``mail_due``, ``mail_ticket``, ``mail_sent``; migrations ``_mail`` and
``_mail_confirm``) are granted to no API role, so no link and no anon key reaches them.
This module calls them over a direct PostgreSQL connection as the database's owner: the
embedded engine, ``PARTNERSHIP_DATABASE_URL``, or Supabase's database connection string
given as ``PARTNERSHIP_DATABASE_URL``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import psycopg

from partnership import term
from partnership.errors import StorageError
from partnership.reminders import DueMail
from partnership.store import engine
from partnership.store.base import hash_token, new_token

LOCK = 250_251_205
"""The advisory lock one ``remind`` run holds: a second run at the same time sends nothing."""


class Busy(Exception):
    """Another ``remind`` run holds the lock."""


def database_url() -> str:
    """The database ``remind`` reaches directly: ``PARTNERSHIP_DATABASE_URL`` as it is
    (migrated by the app, or on Supabase by its own migration tool: never migrated here),
    else the embedded engine in ``PARTNERSHIP_DATA_DIR``, started and migrated as the app
    does. Supabase's Data API cannot serve: its key is the anon role's. Raises
    StorageError (code ``engine_down``)."""
    url = os.environ.get("PARTNERSHIP_DATABASE_URL") or None
    if url is None and os.environ.get("SUPABASE_URL"):
        raise StorageError("remind needs a direct database connection: set PARTNERSHIP_DATABASE_URL to the "
                           "Supabase project's connection string (Project Settings, Database)", code="engine_down")
    try:
        if url is None:
            url = engine.start_embedded(os.environ.get("PARTNERSHIP_DATA_DIR", engine.DEFAULT_FOLDER))
            engine.prepare(url)
    except Exception as exc:  # psycopg's errors, the engine's: the database cannot be reached
        raise StorageError(f"the database could not be opened: {exc}", code="engine_down") from exc
    return url


class Outbox:
    """One connection (autocommit: each call is its own transaction) holding the run's lock."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self._conn = conn

    def due(self, today: date, days: int) -> list[DueMail]:
        """Every mail due and not yet sent to a confirmed address (``mail_outbox``: the
        reminders and notices of ``mail_due``, oldest subscription first, then the weekly
        digests due)."""
        row = self._conn.execute("select partnership_private.mail_outbox(%s, %s)::text", (today, days)).fetchone()
        data = json.loads(row[0]) if row and row[0] else []
        # issue 25: the period's end, from term.REMIND_DAYS before (20261206000200_funding_term.sql)
        row = self._conn.execute("select partnership_private.term_mail_due(%s, %s)::text",
                                 (today, term.REMIND_DAYS)).fetchone()
        data += json.loads(row[0]) if row and row[0] else []
        try:
            return [DueMail.from_json(item) for item in data]
        except (TypeError, ValueError, KeyError) as exc:
            raise StorageError(f"unexpected answer from the database: {exc}") from exc

    def ticket(self, subscription: str) -> str:
        """A new unsubscribe token for one mail to ``subscription`` (kept as its hash)."""
        token = new_token()
        self._conn.execute("select partnership_private.mail_ticket(%s, %s)", (subscription, hash_token(token)))
        return token

    def sent(self, item: DueMail) -> bool:
        """The SMTP server accepted ``item``'s mail: never send it again."""
        row = self._conn.execute("select partnership_private.mail_sent(%s, %s)",
                                 (item.key, item.subscription)).fetchone()
        return bool(row and row[0])


@contextmanager
def open_outbox(url: str) -> Iterator[Outbox]:
    """The outbox on ``url``, holding the run's advisory lock (Busy if another run has it)."""
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        raise StorageError(f"the database could not be opened: {exc}", code="engine_down") from exc
    with conn:
        ready = conn.execute("select to_regprocedure('partnership_private.mail_outbox(date, integer)')").fetchone()
        if not (ready and ready[0]):
            raise StorageError("the database lacks the mail functions: apply supabase/migrations/"
                               "20261205003000_mail.sql and 20261206000300_mail_confirm.sql (docs/supabase.md) "
                               "or start the app on it once", code="engine_down")
        locked = conn.execute("select pg_try_advisory_lock(%s)", (LOCK,)).fetchone()
        if not (locked and locked[0]):
            raise Busy("another remind run is sending now")
        try:
            yield Outbox(conn)
        except psycopg.Error as exc:
            raise StorageError(f"the database failed: {exc}") from exc

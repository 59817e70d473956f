"""Stores: one contract (base.Store) on one engine, PostgreSQL, over two transports.

``open_store()`` is the one place that picks where the data lives; only the composition
roots (partnership/bootstrap.py, through partnership/process.py) and the CLI call it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from partnership.errors import StorageError
from partnership.store.base import Store

LEGACY_SQLITE = "data/partnership.db"
"""Where rounds 1-2 kept the data (SQLite); moved over on first start (``legacy``)."""

log = logging.getLogger(__name__)


def open_store(url: str | None = None, *, secrets: Mapping[str, Any] | None = None) -> Store:
    """The store named by ``url`` (a ``postgresql://`` URL), else by config.

    Config, first match wins: ``[supabase] url``/``key`` in ``secrets`` (Streamlit's
    st.secrets, passed in by the composition root) or ``SUPABASE_URL``/``SUPABASE_KEY``
    in the environment (Supabase); ``PARTNERSHIP_DATABASE_URL`` (any PostgreSQL, migrated
    on open); else the embedded PostgreSQL in ``PARTNERSHIP_DATA_DIR`` (default data/pg),
    started on first use - and if the old SQLite file (``PARTNERSHIP_DB``, default
    data/partnership.db) exists while the engine holds no project, its projects move over.
    A database that cannot be reached or started raises StorageError (code
    ``engine_down``).
    """
    supa = dict((secrets or {}).get("supabase", {}) or {})
    sb_url = supa.get("url") or os.environ.get("SUPABASE_URL")
    sb_key = supa.get("key") or os.environ.get("SUPABASE_KEY")
    if url is None and sb_url and sb_key:
        from partnership.store.supabase import SupabaseStore

        return SupabaseStore(str(sb_url), str(sb_key))
    from partnership.store import engine
    from partnership.store.postgres import PostgresStore

    url = url or os.environ.get("PARTNERSHIP_DATABASE_URL") or None
    embedded = url is None
    folder = os.environ.get("PARTNERSHIP_DATA_DIR", engine.DEFAULT_FOLDER)
    try:
        if url is None:
            url = engine.start_embedded(folder)
        engine.prepare(url)
        store = PostgresStore(url, embedded=embedded,
                              revive=(lambda: engine.start_embedded(folder)) if embedded else None)
    except Exception as exc:  # the engine could not start, psycopg's refusals, a full disk, ...
        raise StorageError(f"the database could not be opened: {exc}", code="engine_down") from exc
    if embedded:
        _move_legacy(url)
    return store


def _move_legacy(url: str) -> None:
    """Move the old SQLite file's projects into a still empty engine (logged; never fatal:
    the old file stays where it is, and ``python -m partnership move-sqlite`` retries)."""
    old = Path(os.environ.get("PARTNERSHIP_DB", LEGACY_SQLITE))
    if not old.is_file():
        return
    from partnership.store import legacy

    try:
        moved = legacy.move(old, url, only_if_empty=True)
    except Exception:
        log.exception("the old SQLite file %s could not be moved", old)
        return
    if moved is not None:
        log.warning("moved from %s: %s", old, moved.summary())


__all__ = ["Store", "open_store"]

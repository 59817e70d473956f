"""Stores: one contract (base.Store), an embedded SQLite adapter and a Supabase adapter.

``open_store()`` is the one place that picks the backend; only the composition root
(main.py, through ui/shell.get_store) and the CLI call it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from partnership.store.base import Store

DEFAULT_DB = "data/partnership.db"


def open_store(url: str | None = None, *, secrets: Mapping[str, Any] | None = None) -> Store:
    """The store named by ``url`` ("sqlite:///path" or "supabase://..."), else by config.

    Config, first match wins: ``[supabase] url``/``key`` in ``secrets`` (Streamlit's
    st.secrets, passed in by the composition root), ``SUPABASE_URL``/``SUPABASE_KEY`` in the
    environment, else SQLite at ``PARTNERSHIP_DB`` (default data/partnership.db).
    """
    if url is not None and url.startswith("sqlite:///"):
        from partnership.store.sqlite import SQLiteStore

        return SQLiteStore(url.removeprefix("sqlite:///"))
    supa = dict((secrets or {}).get("supabase", {}) or {})
    sb_url = supa.get("url") or os.environ.get("SUPABASE_URL")
    sb_key = supa.get("key") or os.environ.get("SUPABASE_KEY")
    if url is None and sb_url and sb_key:
        from partnership.store.supabase import SupabaseStore  # type: ignore[import-not-found,unused-ignore]

        return SupabaseStore(str(sb_url), str(sb_key))  # type: ignore[no-any-return,unused-ignore]
    if url is not None:
        raise ValueError(f"unknown store url: {url!r}")
    from partnership.store.sqlite import SQLiteStore

    return SQLiteStore(os.environ.get("PARTNERSHIP_DB", DEFAULT_DB))


__all__ = ["Store", "open_store"]

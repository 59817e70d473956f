"""The history page's words for an import (ui/history.py): the import's own entry says
what came along and what did not, and a signed version from the file shows its text to
read - a copy, never a signature here (``import_rules.signed_history``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import streamlit as st

from partnership.import_rules import IMPORT_ENTITY
from partnership.model import HistoryEntry
from partnership.ui import shell
from partnership.usertext import plain


def entry(c: shell.Ctx, item: HistoryEntry, full_text_box: Callable[[], Any | None]) -> None:
    """Draw an ``import`` or ``signed_version`` entry's body."""
    try:
        data = json.loads(item.new) if item.new else {}
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    if item.entity == IMPORT_ENTITY:
        counts = {k: v if isinstance(v, int) and not isinstance(v, bool) else 0 for k, v in data.items()}
        st.markdown(c.t("history.import_summary", fields=counts.get("fields", 0), tasks=counts.get("tasks", 0),
                        entries=counts.get("entries", 0), signed=counts.get("signed_versions", 0),
                        approvals=counts.get("approvals", 0)))
        return
    st.markdown(c.t("history.signed_imported", fingerprint=plain(str(data.get("content_hash", ""))[:16])))
    if (box := full_text_box()) is not None:
        with box:
            st.text(str(data.get("markdown", "")))  # no highlighter (style.py)

"""Drafts kept in the browser: what an open editor holds, for when the server forgets it.

An editor's typing lives in the browser until it is committed, and a committed value
lives in the server's session. A restart, a replica failure or a reload loses the
session, so the browser keeps a copy (``ui/drafts.js``, localStorage) under a key made
from the link - never the token itself - and the editor's key, and the page offers it
back. This module holds the rules, without I/O: the storage id of a link, and how a
draft that comes back from the browser (untrusted, like any input) is checked.

A draft is ``{"at": <ms since 1970>, "base": <version>, "values": {name: value}}``: when
it was last typed, the version the editor started from (so saving it is compare-and-set
as always), and the editor's values by widget name ("text" for a free-text field).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from partnership.steps import MAX_TEXT

MAX_AGE_S = 14 * 24 * 3600
"""A draft older than this is dropped, not offered (a shared computer keeps no old text)."""

MAX_VALUES = 16
"""No editor has more fields than this; a draft with more is refused."""

Value = str | int | bool | None


def storage_id(token: str) -> str:
    """The link's name in the browser's storage: a hash of the token that differs from the
    hash the store looks links up by, so neither the token nor that hash is stored."""
    return hashlib.sha256(b"ps-draft\0" + token.encode()).hexdigest()[:24]


@dataclass(frozen=True)
class Draft:
    """One editor's draft, as the browser kept it."""

    slot: str
    """The editor: ``fe_<field key>`` or a record key ``re_<kind>_<id>``."""
    at: int
    """When it was last typed, in ms since 1970 (the browser's clock)."""
    base: int
    """The version the editor started from."""
    values: dict[str, Value]

    @property
    def when(self) -> datetime:
        return datetime.fromtimestamp(self.at / 1000, tz=UTC)

    @property
    def text(self) -> str:
        """A free-text field's draft text ("" for a record)."""
        value = self.values.get("text")
        return value if isinstance(value, str) else ""


def _value(raw: Any) -> tuple[bool, Value]:
    if raw is None or isinstance(raw, bool):
        return True, raw
    if isinstance(raw, int) and abs(raw) < 2**31:
        return True, raw
    if isinstance(raw, str) and len(raw) <= MAX_TEXT:
        return True, raw
    return False, None


def parse(raw: Any, slots: set[str], now_ms: int) -> dict[str, Draft]:
    """The well-formed, recent drafts in ``raw`` (what the browser reported) for the
    editors in ``slots``; anything else is left out without a word."""
    found: dict[str, Draft] = {}
    if not isinstance(raw, dict):
        return found
    for slot, item in raw.items():
        if slot not in slots or not isinstance(item, dict):
            continue
        at, base, values = item.get("at"), item.get("base"), item.get("values")
        if not (isinstance(at, int) and not isinstance(at, bool) and isinstance(base, int)
                and not isinstance(base, bool) and isinstance(values, dict)):
            continue
        if base < 0 or not 0 <= now_ms - at <= MAX_AGE_S * 1000 + 300_000 or len(values) > MAX_VALUES:
            continue  # (five minutes' grace for a browser clock that runs ahead)
        checked = {name: _value(v) for name, v in values.items() if isinstance(name, str) and len(name) <= 40}
        if len(checked) != len(values) or not all(ok for ok, _ in checked.values()):
            continue
        found[slot] = Draft(slot, at, base, {name: v for name, (_, v) in checked.items()})
    return found


def differs(draft: Draft, stored: dict[str, Any]) -> bool:
    """Whether the draft says something the stored values do not (a draft of what is
    stored already is not worth offering)."""
    return any(name in stored and _norm(stored[name]) != _norm(value) for name, value in draft.values.items())


def _norm(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else ("" if value is None else value)

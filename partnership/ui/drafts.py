"""Drafts that outlive the server's session: kept in the browser, offered back by the page.

The editors (``ui/editor.py``) tell this module, while the page draws, which editors are
open (``watch``: the browser copies what is typed in them to localStorage) and which
closed editors are shown (``offer``: the draft the browser kept for one, if any). At the
end of the run ``finish`` mounts the components-v2 module ``drafts.js`` with both lists
and with the drafts to forget (``forget``: saved, or discarded). The browser reports the
drafts it holds for the shown editors as the component's state ``found``; the next run
reads it, checks it like any input (``partnership.drafts.parse``) and the editor offers
a draft with a short notice. Nothing is saved until the person says so, and a save is
compare-and-set on the version the draft was typed against.

The same module asks for a run as soon as Streamlit's connection comes back after a
restart (see drafts.js): without it the first click on the old page does nothing.
Both reports mark their runs as no person's (``flash.by_component``): an action's message
stays on the page through them (``ui/flash.py``).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import streamlit as st

from partnership import drafts
from partnership.drafts import Draft
from partnership.i18n import TIMEZONE, fmt_datetime, t
from partnership.ui import conflict, flash, shell

ss = st.session_state

JS = (Path(__file__).with_name("drafts.js")).read_text(encoding="utf-8")
KEY = "ps_drafts"
"""The component's key: its state ``found`` is in ``st.session_state[KEY]``."""

WATCH = "drafts_watch"  # slot -> what the browser keeps of an open editor (this run)
OFFER = "drafts_offer"  # the closed editors shown this run
FORGET = "drafts_forget"  # slots whose drafts the browser drops at the next mount
HANDLED = "drafts_handled"  # (slot, at) of drafts saved, opened or discarded: never offered again

NOT_KEPT = frozenset({"start", "due"})
"""A record's date fields are not kept: their widgets are being reworked elsewhere, and an
empty date (None) cannot be told from an empty text here."""

_component = st.components.v2.component("ps_drafts", js=JS)


def _simple(value: Any) -> bool:
    return value is None or isinstance(value, str | int | bool)


def watch(slot: str, base: int, values: Mapping[str, Any], start: Mapping[str, Any] | None) -> None:
    """The editor ``slot`` is open, started from version ``base``; ``values`` are its
    widgets' values now (widget key ``<slot>_<name>``) and ``start`` what it opened with.
    Values that are not plain text, numbers or yes/no, and dates, are not kept."""
    kept = {name: value for name, value in values.items() if _simple(value) and name not in NOT_KEPT}
    ss.setdefault(WATCH, {})[slot] = {
        "base": int(base), "values": kept, "widgets": {name: f"{slot}_{name}" for name in kept},
        "dirty": start is not None and any(kept[n] != start.get(n) for n in kept if n in start),
    }


def _found() -> Any:
    state = ss.get(KEY)
    return state.get("found") if isinstance(state, Mapping) else None


def offer(slot: str) -> Draft | None:
    """The draft the browser keeps for the closed editor ``slot`` (None when there is none,
    or it was dealt with already); the browser is asked to report it from now on."""
    ss.setdefault(OFFER, set()).add(slot)
    return pending(slot)


def pending(slot: str) -> Draft | None:
    """The draft last reported for ``slot`` that has not been dealt with (without its
    date fields)."""
    draft = drafts.parse(_found(), {slot}, int(time.time() * 1000)).get(slot)
    if draft is None or (slot, draft.at) in ss.get(HANDLED, set()):
        return None
    return replace(draft, values={n: v for n, v in draft.values.items() if n not in NOT_KEPT})


def handled(slot: str, draft: Draft | None = None) -> None:
    """The editor ``slot`` was saved or given up, or its draft taken into the editor: the
    browser forgets the draft (unless the editor is open again by then) and the page never
    offers that draft again (nor the one the browser reported last, if not ``draft``)."""
    ss.setdefault(FORGET, set()).add(slot)
    raw = _found()
    item = raw.get(slot) if isinstance(raw, Mapping) else None
    at = draft.at if draft is not None else (item.get("at") if isinstance(item, Mapping) else None)
    if isinstance(at, int):
        ss.setdefault(HANDLED, set()).add((slot, at))


def when(draft: Draft, lang: str) -> str:
    """When the draft was last typed: "kl. 14.05" today, else the date and time."""
    at = draft.when.astimezone(TIMEZONE)
    if at.date() == datetime.now(TIMEZONE).date():
        return t("draft.at_time", lang, time=at.strftime("%H.%M" if lang == "da" else "%H:%M"))
    return t("draft.at_date", lang, when=fmt_datetime(draft.when, lang))


Action = tuple[str, str, Callable[..., None], tuple[Any, ...], str]
"""A button of an offer: label, widget key, callback, its arguments, icon."""


def offer_box(c: shell.Ctx, key: str, notice: str, text: str | None, actions: list[Action]) -> None:
    """A kept draft offered back (container ``key``): the notice, the text (when there is
    one to show), and the buttons, the first of them the primary one."""
    with st.container(key=key):
        st.info(notice, icon=":material/restore:")
        if text is not None:
            conflict.style()
            conflict.version(key, "draft", t("draft.yours", c.lang), text)
        row = st.container(horizontal=True, gap="small")
        for n, (label, widget, call, args, icon) in enumerate(actions):
            row.button(label, key=widget, on_click=call, args=args, icon=icon,
                       type="primary" if n == 0 else "secondary")


def finish(c: shell.Ctx) -> None:
    """Mount the browser side with what this run drew (on every page: also the reconnect)."""
    watching: dict[str, Any] = ss.pop(WATCH, {})
    offered: set[str] = ss.pop(OFFER, set())
    forget: set[str] = ss.pop(FORGET, set())
    raw = _found()
    known = {slot: item.get("at") for slot, item in (raw or {}).items()
             if slot in offered and isinstance(item, Mapping)} if isinstance(raw, Mapping) else {}
    data: dict[str, Any] = {"link": ""}
    if c.access is not None:
        data = {
            "link": drafts.storage_id(c.access.token), "watch": watching, "offer": sorted(offered),
            "clear": sorted(forget - set(watching)), "known": known, "seq": uuid.uuid4().hex,
            "maxAgeMs": drafts.MAX_AGE_S * 1000,
        }
    with st.sidebar:  # it draws nothing; at the foot of the page it would leave a gap
        _component(key=KEY, data=data, on_found_change=flash.by_component,
                   on_reconnected_change=flash.by_component)


"""The app's date field: typed the Danish way, with a calendar in the page's language.

Streamlit's own date input cannot be localised (its pop-up is English and starts on
Sunday, its screen-reader labels are English) and, when empty, lost a year typed with
the keyboard: the task was saved without a date and without a word. So a date field is
an ``st.text_input`` under the field's own key, holding the text as typed, and beside
it a small components-v2 calendar (key ``<key>_cal``, ``datefield.js``) that writes a
picked day into that text. The server alone reads the text (``partnership.dates.parse``),
so the field works the same inside an ``st.form``, where a component's trigger does
nothing, and outside one.

API
---
``date_input(c, label, key, *, in_form=False, disabled=False)``
    Draws the field in the current container. A ``date`` (or None) found in session
    state under ``key`` is shown as "24.12.2026" (or empty), so callers may seed and
    reset the field with dates. Outside a form a readable date is rewritten as
    "24.12.2026" when the field loses focus.
``read(c, key, label)``
    ``(date | None, problem)``: the date typed, or the sentence that says what is wrong
    with the text (``""`` when nothing is). A form refuses when there is a problem and
    keeps the text, so nothing typed is ever dropped.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import streamlit as st
from babel.dates import get_day_names, get_month_names

from partnership import dates
from partnership.errors import ValidationError
from partnership.ui import shell
from partnership.ui.messages import describe

ss = st.session_state

_HERE = Path(__file__).parent
_CALENDAR = st.components.v2.component(
    "ps_date_calendar", js=(_HERE / "datefield.js").read_text(encoding="utf-8"),
    css=(_HERE / "datefield.css").read_text(encoding="utf-8"), isolate_styles=False)
_LOCALES = {"da": "da_DK", "en": "en_GB"}
MAX_CHARS = 30


@cache
def names(lang: str) -> dict[str, list[str]]:
    """Month names, and day names Monday first (whole and short), in ``lang``."""
    locale = _LOCALES.get(lang, "da_DK")
    months = get_month_names("wide", locale=locale)
    days, short = get_day_names("wide", locale=locale), get_day_names("short", locale=locale)
    return {"months": [months[m] for m in range(1, 13)], "days": [days[d] for d in range(7)],
            "short": [short[d] for d in range(7)]}


def _as_text(key: str) -> None:
    """A date (or None) put in session state by a caller becomes the field's text."""
    value = ss.get(key)
    if value is None or isinstance(value, date):
        ss[key] = dates.show(value)


def _tidy(key: str) -> None:
    """On change outside a form: show a readable date the one way ("24.12.2026")."""
    try:
        found = dates.parse(str(ss.get(key) or ""))
    except ValidationError:
        return  # kept as typed; the save says what is wrong
    ss[key] = dates.show(found)


def date_input(c: shell.Ctx, label: str, key: str, *, in_form: bool = False, disabled: bool = False) -> None:
    """The date field ``key`` labelled ``label`` (see the module doc)."""
    _as_text(key)
    extra: dict[str, Any] = {} if in_form else {"on_change": _tidy, "args": (key,)}
    # No help=: Streamlit names its help button in English ("Help for ..."); the
    # placeholder shows the form, and a refusal says what may be typed.
    st.text_input(label, key=key, max_chars=MAX_CHARS, placeholder=c.t("date.placeholder"), disabled=disabled,
                  autocomplete="off", **extra)
    _CALENDAR(key=f"{key}_cal", data={
        "target": key, "lang": c.lang, "disabled": disabled, **names(c.lang),
        "words": {"button": c.t("date.button"), "open": c.t("date.open", label=label),
                  "dialog": c.t("date.dialog", label=label), "prev": c.t("date.prev"),
                  "next": c.t("date.next"), "close": c.t("date.close")},
    })


def read(c: shell.Ctx, key: str, label: str) -> tuple[date | None, str]:
    """The date typed in the field ``key`` and the problem with it ("" if none)."""
    value = ss.get(key)
    if value is None or isinstance(value, date):
        return value, ""
    try:
        return dates.parse(str(value), what=label), ""
    except ValidationError as exc:
        return None, describe(exc, c.lang)
